export { ProjectApplicationsTab } from './ProjectApplicationsTab';
export type { ProjectApplicationsTabProps } from './ProjectApplicationsTab';
