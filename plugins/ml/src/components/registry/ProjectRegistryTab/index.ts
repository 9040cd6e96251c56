export { ProjectRegistryTab } from './ProjectRegistryTab';
export type { ProjectRegistryTabProps } from './ProjectRegistryTab';
