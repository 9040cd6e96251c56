/**
 * MLflow's tracking entities as its REST API 2.0 carries them
 * (`mlflow/protos/service.proto`); the stores return them in this shape so
 * that the router sends them as they are.
 */

/** @internal */
export interface KeyValue {
  key: string;
  value: string;
}

/** @internal */
export type LifecycleStage = 'active' | 'deleted';

/** @internal */
export interface Experiment {
  experiment_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: LifecycleStage;
  creation_time: number;
  last_update_time: number;
  tags: KeyValue[];
}

/** @internal */
export const RUN_STATUSES = [
  'RUNNING',
  'SCHEDULED',
  'FINISHED',
  'FAILED',
  'KILLED',
] as const;

/** @internal */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** @internal */
export interface RunInfo {
  run_id: string;
  /** The same as `run_id`: older clients read this name. */
  run_uuid: string;
  run_name: string;
  experiment_id: string;
  user_id: string;
  status: RunStatus;
  start_time: number;
  end_time?: number;
  artifact_uri: string;
  lifecycle_stage: LifecycleStage;
}

/**
 * A metric point. `value` is a number, or MLflow's JSON spelling of the
 * values JSON numbers cannot hold.
 *
 * @internal
 */
export interface Metric {
  key: string;
  value: number | 'NaN' | 'Infinity' | '-Infinity';
  timestamp: number;
  step: number;
}

/** @internal */
export interface Dataset {
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema?: string;
  profile?: string;
}

/** @internal */
export interface DatasetInput {
  tags: KeyValue[];
  dataset: Dataset;
}

/** @internal */
export interface Run {
  info: RunInfo;
  data: { metrics: Metric[]; params: KeyValue[]; tags: KeyValue[] };
  inputs: { dataset_inputs: DatasetInput[] };
}

/**
 * Whether searches see active, deleted or all entities (MLflow's ViewType).
 *
 * @internal
 */
export type ViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';
