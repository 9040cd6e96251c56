export { mlApiRef } from './MlApi';
export type {
  MlApi,
  MlExecuteError,
  MlExecuteEvent,
  MlListOptions,
  MlListRuntimesOptions,
  MlListProjectsOptions,
  MlListFilesOptions,
  MlListRunsOptions,
  MlLogOptions,
  MlProjectQuota,
  MlWorkspaceQueue,
} from './MlApi';
export { MlClient } from './MlClient';
export type {
  MlModelsApi,
  MlCreateModelRequest,
  MlUpdateModelRequest,
  MlCreateBuildRequest,
  MlCreateDeploymentRequest,
  MlModelMetricsOptions,
  MlListPredictionsOptions,
} from './MlModelsApi';
export type {
  MlModelMonitoringApi,
  MlPageOptions,
} from './MlModelMonitoringApi';
export type {
  MlApplicationsApi,
  MlCreateApplicationRequest,
  MlUpdateApplicationRequest,
} from './MlApplicationsApi';
export * from './mlflow';
