// The objects of MLflow's REST API 2.0 (mlflow/protos/service.proto), in
// its own field names. The client turns int64 fields, which MLflow's JSON
// may send as strings, into numbers.

/** @public */
export interface MlflowTag {
  key: string;
  value: string;
}

/** @public */
export type MlflowLifecycleStage = 'active' | 'deleted';

/** @public */
export interface MlflowExperiment {
  experiment_id: string;
  name: string;
  artifact_location?: string;
  lifecycle_stage?: MlflowLifecycleStage;
  /** Milliseconds since the epoch. */
  creation_time?: number;
  last_update_time?: number;
  tags?: MlflowTag[];
}

/** @public */
export type MlflowRunStatus =
  | 'RUNNING'
  | 'SCHEDULED'
  | 'FINISHED'
  | 'FAILED'
  | 'KILLED';

/** @public */
export interface MlflowRunInfo {
  run_id: string;
  run_name?: string;
  experiment_id: string;
  user_id?: string;
  status: MlflowRunStatus;
  /** Milliseconds since the epoch. */
  start_time?: number;
  end_time?: number;
  /** `mlflow-artifacts:/<experiment_id>/<run_id>/artifacts` here. */
  artifact_uri?: string;
  lifecycle_stage?: MlflowLifecycleStage;
}

/**
 * One logged value of a metric (or the latest one, in a run's data).
 *
 * @public
 */
export interface MlflowMetric {
  key: string;
  /** NaN and the infinities arrive as strings and are numbers here. */
  value: number;
  timestamp: number;
  step: number;
}

/** @public */
export interface MlflowParam {
  key: string;
  value: string;
}

/** @public */
export interface MlflowRunData {
  metrics: MlflowMetric[];
  params: MlflowParam[];
  tags: MlflowTag[];
}

/** @public */
export interface MlflowDataset {
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema?: string;
  profile?: string;
}

/** @public */
export interface MlflowDatasetInput {
  tags?: MlflowTag[];
  dataset: MlflowDataset;
}

/** @public */
export interface MlflowRunInputs {
  dataset_inputs: MlflowDatasetInput[];
}

/** @public */
export interface MlflowRun {
  info: MlflowRunInfo;
  data: MlflowRunData;
  inputs: MlflowRunInputs;
}

/**
 * One entry of a run's artifact directory.
 *
 * @public
 */
export interface FileInfo {
  /** Relative to the run's artifact root. */
  path: string;
  is_dir: boolean;
  /** Bytes; absent for directories. */
  file_size?: number;
}

/** @public */
export type MlflowViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';
