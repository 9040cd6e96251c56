export { WorkspaceQueueTab } from './WorkspaceQueueTab';
export type { WorkspaceQueueTabProps } from './WorkspaceQueueTab';
