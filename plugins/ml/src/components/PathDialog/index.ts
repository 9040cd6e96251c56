export { PathDialog, explainInvalidPath } from './PathDialog';
export type { PathDialogProps } from './PathDialog';
