export { ModelOverview, useMlBaseUrl } from './ModelOverview';
export type { ModelOverviewProps } from './ModelOverview';
