export { ProjectSettingsTab } from './ProjectSettingsTab';
export type { ProjectSettingsTabProps } from './ProjectSettingsTab';
