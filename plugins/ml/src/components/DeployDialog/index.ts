export { DeployDialog, parseReplicas } from './DeployDialog';
export type { DeployDialogProps } from './DeployDialog';
