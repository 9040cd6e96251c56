export { JobFormDialog } from './JobFormDialog';
export type { JobFormDialogProps } from './JobFormDialog';
