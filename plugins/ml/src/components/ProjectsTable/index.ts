export { ProjectsTable } from './ProjectsTable';
export type { ProjectsTableProps } from './ProjectsTable';
