export { JobsList } from './JobsList';
export type { JobsListProps } from './JobsList';
