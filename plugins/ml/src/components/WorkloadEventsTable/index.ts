export { WorkloadEventsTable } from './WorkloadEventsTable';
export type { WorkloadEventsTableProps } from './WorkloadEventsTable';
