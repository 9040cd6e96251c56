export { BuildStatus, DeploymentStatus } from './ModelStatus';
export type { BuildStatusProps, DeploymentStatusProps } from './ModelStatus';
