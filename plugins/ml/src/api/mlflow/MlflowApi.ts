import { createApiRef } from '@backstage/core-plugin-api';
import {
  FileInfo,
  MlflowExperiment,
  MlflowMetric,
  MlflowRun,
  MlflowViewType,
} from './types';

/**
 * One page of an MLflow search.
 *
 * @public
 */
export interface MlflowPage<T> {
  items: T[];
  /** Pass as `pageToken` for the next page; absent on the last one. */
  nextPageToken?: string;
}

/** @public */
export interface MlflowSearchExperimentsOptions {
  /** MLflow's filter grammar, e.g. "tags.`ml.project_id` = 'p-1'". */
  filter?: string;
  /** E.g. `['last_update_time DESC']`. */
  orderBy?: string[];
  maxResults?: number;
  pageToken?: string;
  viewType?: MlflowViewType;
}

/** @public */
export interface MlflowCreateExperimentRequest {
  name: string;
  artifactLocation?: string;
  tags?: { key: string; value: string }[];
}

/** @public */
export interface MlflowSearchRunsOptions {
  experimentIds: string[];
  /** MLflow's filter grammar, e.g. `metrics.rmse < 1 and params.lr = '0.1'`. */
  filter?: string;
  /** E.g. `['metrics.rmse ASC', 'attributes.start_time DESC']`. */
  orderBy?: string[];
  maxResults?: number;
  pageToken?: string;
  runViewType?: MlflowViewType;
}

/** @public */
export interface MlflowArtifactList {
  rootUri?: string;
  files: FileInfo[];
}

/**
 * The portal's MLflow tracking server (MLflow REST API 2.0 below the ML
 * backend), as the experiment pages use it.
 *
 * @public
 */
export interface MlflowApi {
  searchExperiments(
    options?: MlflowSearchExperimentsOptions,
  ): Promise<MlflowPage<MlflowExperiment>>;
  /** Answers with the new experiment's id. */
  createExperiment(request: MlflowCreateExperimentRequest): Promise<string>;
  getExperiment(experimentId: string): Promise<MlflowExperiment>;
  searchRuns(options: MlflowSearchRunsOptions): Promise<MlflowPage<MlflowRun>>;
  getRun(runId: string): Promise<MlflowRun>;
  /** Every logged value of one metric of a run, through all pages. */
  getMetricHistory(runId: string, metricKey: string): Promise<MlflowMetric[]>;
  /** One directory of a run's artifacts; `path` is relative to the root. */
  listArtifacts(runId: string, path?: string): Promise<MlflowArtifactList>;
  /** Where one artifact of a run (with that `artifact_uri`) is downloaded. */
  artifactUrl(artifactUri: string, path: string): Promise<string>;
  /** One artifact's bytes, fetched with the user's token. */
  downloadArtifact(artifactUri: string, path: string): Promise<Blob>;
  deleteRun(runId: string): Promise<void>;
  restoreRun(runId: string): Promise<void>;
}

/** @public */
export const mlflowApiRef = createApiRef<MlflowApi>({
  id: 'plugin.ml.mlflow',
});
