export { ModelMonitorsTab } from './ModelMonitorsTab';
export type { ModelMonitorsTabProps } from './ModelMonitorsTab';
