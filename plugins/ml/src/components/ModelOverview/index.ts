export { ModelOverview } from './ModelOverview';
export type { ModelOverviewProps } from './ModelOverview';
