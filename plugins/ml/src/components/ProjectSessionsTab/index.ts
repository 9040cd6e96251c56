export { ProjectSessionsTab } from './ProjectSessionsTab';
export type { ProjectSessionsTabProps } from './ProjectSessionsTab';
