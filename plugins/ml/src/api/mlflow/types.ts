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

// The model registry's objects (mlflow/protos/model_registry.proto).

/** @public */
export type MlflowModelStage = 'None' | 'Staging' | 'Production' | 'Archived';

/** @public */
export interface MlflowModelVersion {
  /** The registered model's name. */
  name: string;
  /** A number, as a string on MLflow's wire. */
  version: string;
  /** Milliseconds since the epoch. */
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  user_id?: string;
  current_stage?: MlflowModelStage;
  description?: string;
  /** Here `runs:/<run_id>/<artifact path>` for a version of a run. */
  source: string;
  run_id?: string;
  run_link?: string;
  status?: string;
  status_message?: string;
  tags: MlflowTag[];
  aliases: string[];
}

/** @public */
export interface MlflowRegisteredModelAlias {
  alias: string;
  version: string;
}

/** @public */
export interface MlflowRegisteredModel {
  name: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  description?: string;
  /** The latest version of each stage. */
  latest_versions: MlflowModelVersion[];
  tags: MlflowTag[];
  aliases: MlflowRegisteredModelAlias[];
}
