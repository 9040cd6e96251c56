export { ModelDeploymentsTab } from './ModelDeploymentsTab';
export type { ModelDeploymentsTabProps } from './ModelDeploymentsTab';
