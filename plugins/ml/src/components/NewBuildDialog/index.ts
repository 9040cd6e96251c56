export { NewBuildDialog } from './NewBuildDialog';
export type { NewBuildDialogProps } from './NewBuildDialog';
