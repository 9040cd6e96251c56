/**
 * Frontend of the ML platform: workspaces, projects and their files.
 *
 * @packageDocumentation
 */
export { mlPlugin, MlPage } from './plugin';
export {
  MlWorkspacePickerFieldExtension,
  MlRuntimePickerFieldExtension,
  MlProfilePickerFieldExtension,
  MlProjectPickerFieldExtension,
} from './scaffolderFields';
export * from './entityExtensions';
export {
  rootRouteRef,
  workspaceRouteRef,
  projectRouteRef,
  sessionRouteRef,
  jobRouteRef,
  jobRunRouteRef,
  modelRouteRef,
  experimentRunRouteRef,
  experimentCompareRouteRef,
  registeredModelRouteRef,
} from './routes';
export * from './api';
