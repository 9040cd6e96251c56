export { DialogForm } from './DialogForm';
export type { DialogFormProps } from './DialogForm';
export { FormDialog } from './FormDialog';
export type { DialogOpenProps, FormDialogProps } from './FormDialog';
