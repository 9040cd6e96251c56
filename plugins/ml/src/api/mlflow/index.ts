export { mlflowApiRef } from './MlflowApi';
export type {
  MlflowApi,
  MlflowArtifactList,
  MlflowCreateExperimentRequest,
  MlflowPage,
  MlflowSearchExperimentsOptions,
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
  MlflowParam,
  MlflowRun,
  MlflowRunData,
  MlflowRunInfo,
  MlflowRunInputs,
  MlflowRunStatus,
  MlflowTag,
  MlflowViewType,
} from './types';
