export { NewSessionDialog } from './NewSessionDialog';
export type { NewSessionDialogProps } from './NewSessionDialog';
