export { RuntimeDialog } from './RuntimeDialog';
export type { RuntimeDialogProps } from './RuntimeDialog';
