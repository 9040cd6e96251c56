export { RegisterModelDialog } from './RegisterModelDialog';
export type { RegisterModelDialogProps } from './RegisterModelDialog';
