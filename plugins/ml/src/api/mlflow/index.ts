export { mlflowApiRef } from './MlflowApi';
export type {
  MlflowApi,
  MlflowArtifactList,
  MlflowCreateExperimentRequest,
  MlflowCreateModelVersionRequest,
  MlflowCreateRegisteredModelRequest,
  MlflowPage,
  MlflowSearchExperimentsOptions,
  MlflowSearchRegistryOptions,
  MlflowSearchRunsOptions,
} from './MlflowApi';
export { MlflowClient } from './MlflowClient';
export type {
  FileInfo,
  MlflowDataset,
  MlflowDatasetInput,
  MlflowExperiment,
  MlflowLifecycleStage,
  MlflowMetric,
  MlflowModelStage,
  MlflowModelVersion,
  MlflowParam,
  MlflowRegisteredModel,
  MlflowRegisteredModelAlias,
  MlflowRun,
  MlflowRunData,
  MlflowRunInfo,
  MlflowRunInputs,
  MlflowRunStatus,
  MlflowTag,
  MlflowViewType,
} from './types';
