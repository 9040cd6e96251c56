export { ProjectRegistryTab } from './ProjectRegistryTab';
export type { ProjectRegistryTabProps } from './ProjectRegistryTab';
export { RegisteredModelPage } from './RegisteredModelPage';
export { RegisterModelDialog } from './RegisterModelDialog';
export type { RegisterModelDialogProps } from './RegisterModelDialog';
