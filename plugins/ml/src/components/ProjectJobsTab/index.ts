export { ProjectJobsTab } from './ProjectJobsTab';
export type { ProjectJobsTabProps } from './ProjectJobsTab';
