/**
 * Frontend of the ML platform: workspaces, projects and their files.
 *
 * @packageDocumentation
 */
export { mlPlugin, MlPage } from './plugin';
export { rootRouteRef, workspaceRouteRef, projectRouteRef } from './routes';
export { mlApiRef, MlClient } from './api';
export type {
  MlApi,
  MlListOptions,
  MlListRuntimesOptions,
  MlListProjectsOptions,
  MlListFilesOptions,
} from './api';
