export { openMlDatabase, migrationsDir } from './migrations';
export type { ListOptions, ListResult, SortField } from './listing';
export { WorkspaceStore, WORKSPACE_SORT_FIELDS } from './WorkspaceStore';
export { RuntimeStore, RUNTIME_SORT_FIELDS } from './RuntimeStore';
export { ProfileStore, PROFILE_SORT_FIELDS } from './ProfileStore';
export { QuotaStore, QUOTA_SORT_FIELDS } from './QuotaStore';
export { ProjectStore, PROJECT_SORT_FIELDS } from './ProjectStore';
