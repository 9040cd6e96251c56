export { mlApiRef } from './MlApi';
export type {
  MlApi,
  MlListOptions,
  MlListRuntimesOptions,
  MlListProjectsOptions,
  MlListFilesOptions,
} from './MlApi';
export { MlClient } from './MlClient';
