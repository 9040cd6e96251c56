export { NewExperimentDialog } from './NewExperimentDialog';
export type { NewExperimentDialogProps } from './NewExperimentDialog';
