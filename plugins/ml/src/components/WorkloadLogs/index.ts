export { WorkloadLogs } from './WorkloadLogs';
export type { WorkloadLogsProps } from './WorkloadLogs';
