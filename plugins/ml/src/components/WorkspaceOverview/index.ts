export { WorkspaceOverview } from './WorkspaceOverview';
export type { WorkspaceOverviewProps } from './WorkspaceOverview';
