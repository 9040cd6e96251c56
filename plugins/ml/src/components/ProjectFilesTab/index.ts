export { ProjectFilesTab } from './ProjectFilesTab';
export type { ProjectFilesTabProps } from './ProjectFilesTab';
