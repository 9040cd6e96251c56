export { ProjectOverview } from './ProjectOverview';
export type { ProjectOverviewProps } from './ProjectOverview';
