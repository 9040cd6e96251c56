export { ProjectModelsTab } from './ProjectModelsTab';
export type { ProjectModelsTabProps } from './ProjectModelsTab';
