/** The parts of MLflow's wire messages the actions read. */

export interface MlflowTag {
  key: string;
  value: string;
}

export interface MlflowExperiment {
  experiment_id: string;
  name: string;
  tags?: MlflowTag[];
}

export interface MlflowRun {
  info: { run_id: string; experiment_id: string; start_time?: number };
}

export interface MlflowArtifactList {
  files?: Array<{ path: string; is_dir?: boolean }>;
}

export interface MlflowRegisteredModel {
  name: string;
  tags?: MlflowTag[];
}

export interface MlflowModelVersion {
  name: string;
  version: string;
  run_id?: string;
}

/** The tags the ML platform writes on experiments, runs and models. */
export const PLATFORM_TAG = {
  projectId: 'ml.project_id',
  workloadId: 'ml.workload_id',
} as const;

export const tagValue = (tags: MlflowTag[] | undefined, key: string) =>
  tags?.find(tag => tag.key === key)?.value;
