export { ProjectRegistryTab } from './ProjectRegistryTab';
export type { ProjectRegistryTabProps } from './ProjectRegistryTab';
export { RegisteredModelPage } from './RegisteredModelPage';
