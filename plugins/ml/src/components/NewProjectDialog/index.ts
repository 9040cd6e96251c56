export { NewProjectDialog } from './NewProjectDialog';
export type { NewProjectDialogProps } from './NewProjectDialog';
