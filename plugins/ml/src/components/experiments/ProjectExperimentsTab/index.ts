export { ProjectExperimentsTab } from './ProjectExperimentsTab';
export type { ProjectExperimentsTabProps } from './ProjectExperimentsTab';
