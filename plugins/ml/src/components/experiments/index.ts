export { ProjectExperimentsTab } from './ProjectExperimentsTab';
export type { ProjectExperimentsTabProps } from './ProjectExperimentsTab';
export { ExperimentRunPage } from './ExperimentRunPage';
export { CompareRunsPage } from './CompareRunsPage';
