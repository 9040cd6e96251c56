export { JobRunsTable } from './JobRunsTable';
export type { JobRunsTableProps } from './JobRunsTable';
