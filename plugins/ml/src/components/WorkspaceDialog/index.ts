export { WorkspaceDialog } from './WorkspaceDialog';
export type { WorkspaceDialogProps } from './WorkspaceDialog';
