export { RunsTable, COMPARE_MAX, COMPARE_MIN } from './RunsTable';
export type { RunsTableProps } from './RunsTable';
