export { LocalIsolation } from './LocalIsolation';
export type { LocalIsolationOptions } from './LocalIsolation';
export type { UidRange, WorkloadIdentity } from './ProjectIdentities';
export { closeSqliteFolders } from './databaseFolders';
