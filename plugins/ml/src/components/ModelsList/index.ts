export { ModelsList } from './ModelsList';
export type { ModelsListProps } from './ModelsList';
