export { NewModelDialog } from './NewModelDialog';
export type { NewModelDialogProps } from './NewModelDialog';
