export { ModelLineageList } from './ModelLineageList';
export type { ModelLineageListProps } from './ModelLineageList';
