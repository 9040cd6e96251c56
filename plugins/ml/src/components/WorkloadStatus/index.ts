export { WorkloadStatus, workloadStateColor } from './WorkloadStatus';
export type { WorkloadStatusProps } from './WorkloadStatus';
