export { ApplicationFormDialog } from './ApplicationFormDialog';
export type { ApplicationFormDialogProps } from './ApplicationFormDialog';
