import { createApiRef } from '@backstage/core-plugin-api';
import {
  FileInfo,
  MlflowExperiment,
  MlflowMetric,
  MlflowModelStage,
  MlflowModelVersion,
  MlflowRegisteredModel,
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
 * A search of the model registry (registered models or model versions).
 *
 * @public
 */
export interface MlflowSearchRegistryOptions {
  /** E.g. "tags.`ml.project_id` = 'p-1'", or "name = 'churn'" for versions. */
  filter?: string;
  /** E.g. `['last_updated_timestamp DESC']`. */
  orderBy?: string[];
  maxResults?: number;
  pageToken?: string;
}

/** @public */
export interface MlflowCreateRegisteredModelRequest {
  name: string;
  description?: string;
  tags?: { key: string; value: string }[];
}

/** @public */
export interface MlflowCreateModelVersionRequest {
  /** The registered model's name. */
  name: string;
  /** E.g. `runs:/<run_id>/model`. */
  source: string;
  runId?: string;
  description?: string;
  tags?: { key: string; value: string }[];
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

  // The model registry.
  searchRegisteredModels(
    options?: MlflowSearchRegistryOptions,
  ): Promise<MlflowPage<MlflowRegisteredModel>>;
  getRegisteredModel(name: string): Promise<MlflowRegisteredModel>;
  createRegisteredModel(
    request: MlflowCreateRegisteredModelRequest,
  ): Promise<MlflowRegisteredModel>;
  setRegisteredModelTag(
    name: string,
    key: string,
    value: string,
  ): Promise<void>;
  searchModelVersions(
    options?: MlflowSearchRegistryOptions,
  ): Promise<MlflowPage<MlflowModelVersion>>;
  getModelVersion(name: string, version: string): Promise<MlflowModelVersion>;
  createModelVersion(
    request: MlflowCreateModelVersionRequest,
  ): Promise<MlflowModelVersion>;
  updateModelVersion(
    name: string,
    version: string,
    changes: { description?: string },
  ): Promise<MlflowModelVersion>;
  transitionModelVersionStage(
    name: string,
    version: string,
    stage: MlflowModelStage,
    options?: { archiveExistingVersions?: boolean },
  ): Promise<MlflowModelVersion>;
  setModelVersionTag(
    name: string,
    version: string,
    key: string,
    value: string,
  ): Promise<void>;
  /** Points the alias at the version, moving it from any other. */
  setRegisteredModelAlias(
    name: string,
    alias: string,
    version: string,
  ): Promise<void>;
  deleteRegisteredModelAlias(name: string, alias: string): Promise<void>;
  getModelVersionByAlias(
    name: string,
    alias: string,
  ): Promise<MlflowModelVersion>;
}

/** @public */
export const mlflowApiRef = createApiRef<MlflowApi>({
  id: 'plugin.ml.mlflow',
});
