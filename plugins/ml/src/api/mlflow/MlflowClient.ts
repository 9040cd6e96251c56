import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { MlHttp, Query } from '../MlHttp';
import {
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
import {
  FileInfo,
  MlflowExperiment,
  MlflowMetric,
  MlflowModelStage,
  MlflowModelVersion,
  MlflowRegisteredModel,
  MlflowRun,
} from './types';
import {
  experimentFromWire,
  metricFromWire,
  modelVersionFromWire,
  registeredModelFromWire,
  runFromWire,
  toNumber,
} from './wire';
import { artifactPath } from './artifactPath';
import { mlflowResponseError } from './mlflowResponseError';

/** Below the ML backend's base URL. */
const TRACKING_PATH = '/mlflow/api/2.0/mlflow';
/** The most points MLflow hands out per page of a metric's history. */
const HISTORY_PAGE_SIZE = 25_000;

/** The methods of MLflow's REST API: updates PATCH, deletions DELETE. */
type MlflowMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The registry's searches are GETs: their options go in the query. */
function registrySearchQuery(options: MlflowSearchRegistryOptions): Query {
  return {
    filter: options.filter || undefined,
    order_by: options.orderBy,
    max_results: options.maxResults,
    page_token: options.pageToken,
  };
}

/**
 * The client of the portal's MLflow tracking server. Like the ML client it
 * goes through the Backstage `fetchApi`, so that every call (artifact
 * downloads too) carries the user's token.
 *
 * @public
 */
export class MlflowClient implements MlflowApi {
  private readonly http: MlHttp;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.http = new MlHttp(options);
  }

  async searchExperiments(
    options: MlflowSearchExperimentsOptions = {},
  ): Promise<MlflowPage<MlflowExperiment>> {
    const answer = await this.call<{
      experiments?: Record<string, unknown>[];
      next_page_token?: string;
    }>('POST', 'experiments/search', {
      body: {
        filter: options.filter || undefined,
        order_by: options.orderBy,
        max_results: options.maxResults,
        page_token: options.pageToken,
        view_type: options.viewType,
      },
    });
    return {
      items: (answer.experiments ?? []).map(experimentFromWire),
      nextPageToken: answer.next_page_token || undefined,
    };
  }

  async createExperiment(
    request: MlflowCreateExperimentRequest,
  ): Promise<string> {
    const answer = await this.call<{ experiment_id: string | number }>(
      'POST',
      'experiments/create',
      {
        body: {
          name: request.name,
          artifact_location: request.artifactLocation,
          tags: request.tags,
        },
      },
    );
    return String(answer.experiment_id);
  }

  async getExperiment(experimentId: string): Promise<MlflowExperiment> {
    const answer = await this.call<{ experiment: Record<string, unknown> }>(
      'GET',
      'experiments/get',
      { query: { experiment_id: experimentId } },
    );
    return experimentFromWire(answer.experiment);
  }

  async searchRuns(
    options: MlflowSearchRunsOptions,
  ): Promise<MlflowPage<MlflowRun>> {
    const answer = await this.call<{
      runs?: Parameters<typeof runFromWire>[0][];
      next_page_token?: string;
    }>('POST', 'runs/search', {
      body: {
        experiment_ids: options.experimentIds,
        filter: options.filter || undefined,
        order_by: options.orderBy,
        max_results: options.maxResults,
        page_token: options.pageToken,
        run_view_type: options.runViewType,
      },
    });
    return {
      items: (answer.runs ?? []).map(runFromWire),
      nextPageToken: answer.next_page_token || undefined,
    };
  }

  async getRun(runId: string): Promise<MlflowRun> {
    const answer = await this.call<{ run: Parameters<typeof runFromWire>[0] }>(
      'GET',
      'runs/get',
      { query: { run_id: runId } },
    );
    return runFromWire(answer.run);
  }

  async getMetricHistory(
    runId: string,
    metricKey: string,
  ): Promise<MlflowMetric[]> {
    const points: MlflowMetric[] = [];
    let pageToken: string | undefined;
    do {
      const answer = await this.call<{
        metrics?: Record<string, unknown>[];
        next_page_token?: string;
      }>('GET', 'metrics/get-history', {
        query: {
          run_id: runId,
          metric_key: metricKey,
          max_results: HISTORY_PAGE_SIZE,
          page_token: pageToken,
        },
      });
      points.push(...(answer.metrics ?? []).map(metricFromWire));
      pageToken = answer.next_page_token || undefined;
    } while (pageToken);
    return points;
  }

  async listArtifacts(
    runId: string,
    path?: string,
  ): Promise<MlflowArtifactList> {
    const answer = await this.call<{
      root_uri?: string;
      files?: { path: string; is_dir?: boolean; file_size?: unknown }[];
    }>('GET', 'artifacts/list', {
      query: { run_id: runId, path: path || undefined },
    });
    return {
      rootUri: answer.root_uri,
      files: (answer.files ?? []).map(
        (file): FileInfo => ({
          path: file.path,
          is_dir: Boolean(file.is_dir),
          file_size: toNumber(file.file_size),
        }),
      ),
    };
  }

  async artifactUrl(artifactUri: string, path: string): Promise<string> {
    const baseUrl = await this.http.apiBaseUrl();
    return `${baseUrl}${artifactPath(artifactUri, path)}`;
  }

  async downloadArtifact(artifactUri: string, path: string): Promise<Blob> {
    const response = await this.http.fetchRaw(
      'GET',
      artifactPath(artifactUri, path),
    );
    if (!response.ok) {
      throw await mlflowResponseError(response);
    }
    return response.blob();
  }

  async deleteRun(runId: string): Promise<void> {
    await this.call('POST', 'runs/delete', { body: { run_id: runId } });
  }

  async restoreRun(runId: string): Promise<void> {
    await this.call('POST', 'runs/restore', { body: { run_id: runId } });
  }

  async searchRegisteredModels(
    options: MlflowSearchRegistryOptions = {},
  ): Promise<MlflowPage<MlflowRegisteredModel>> {
    const answer = await this.call<{
      registered_models?: Record<string, unknown>[];
      next_page_token?: string;
    }>('GET', 'registered-models/search', {
      query: registrySearchQuery(options),
    });
    return {
      items: (answer.registered_models ?? []).map(registeredModelFromWire),
      nextPageToken: answer.next_page_token || undefined,
    };
  }

  async getRegisteredModel(name: string): Promise<MlflowRegisteredModel> {
    const answer = await this.call<{
      registered_model: Record<string, unknown>;
    }>('GET', 'registered-models/get', { query: { name } });
    return registeredModelFromWire(answer.registered_model);
  }

  async createRegisteredModel(
    request: MlflowCreateRegisteredModelRequest,
  ): Promise<MlflowRegisteredModel> {
    const answer = await this.call<{
      registered_model: Record<string, unknown>;
    }>('POST', 'registered-models/create', { body: request });
    return registeredModelFromWire(answer.registered_model);
  }

  async setRegisteredModelTag(
    name: string,
    key: string,
    value: string,
  ): Promise<void> {
    await this.call('POST', 'registered-models/set-tag', {
      body: { name, key, value },
    });
  }

  async searchModelVersions(
    options: MlflowSearchRegistryOptions = {},
  ): Promise<MlflowPage<MlflowModelVersion>> {
    const answer = await this.call<{
      model_versions?: Record<string, unknown>[];
      next_page_token?: string;
    }>('GET', 'model-versions/search', {
      query: registrySearchQuery(options),
    });
    return {
      items: (answer.model_versions ?? []).map(modelVersionFromWire),
      nextPageToken: answer.next_page_token || undefined,
    };
  }

  async getModelVersion(
    name: string,
    version: string,
  ): Promise<MlflowModelVersion> {
    return this.versionCall('GET', 'model-versions/get', {
      query: { name, version },
    });
  }

  async createModelVersion(
    request: MlflowCreateModelVersionRequest,
  ): Promise<MlflowModelVersion> {
    return this.versionCall('POST', 'model-versions/create', {
      body: {
        name: request.name,
        source: request.source,
        run_id: request.runId,
        description: request.description,
        tags: request.tags,
      },
    });
  }

  async updateModelVersion(
    name: string,
    version: string,
    changes: { description?: string },
  ): Promise<MlflowModelVersion> {
    return this.versionCall('PATCH', 'model-versions/update', {
      body: { name, version, description: changes.description },
    });
  }

  async transitionModelVersionStage(
    name: string,
    version: string,
    stage: MlflowModelStage,
    options: { archiveExistingVersions?: boolean } = {},
  ): Promise<MlflowModelVersion> {
    return this.versionCall('POST', 'model-versions/transition-stage', {
      body: {
        name,
        version,
        stage,
        archive_existing_versions: Boolean(options.archiveExistingVersions),
      },
    });
  }

  async setModelVersionTag(
    name: string,
    version: string,
    key: string,
    value: string,
  ): Promise<void> {
    await this.call('POST', 'model-versions/set-tag', {
      body: { name, version, key, value },
    });
  }

  async setRegisteredModelAlias(
    name: string,
    alias: string,
    version: string,
  ): Promise<void> {
    await this.call('POST', 'registered-models/alias', {
      body: { name, alias, version },
    });
  }

  async deleteRegisteredModelAlias(name: string, alias: string): Promise<void> {
    await this.call('DELETE', 'registered-models/alias', {
      body: { name, alias },
    });
  }

  async getModelVersionByAlias(
    name: string,
    alias: string,
  ): Promise<MlflowModelVersion> {
    return this.versionCall('GET', 'registered-models/alias', {
      query: { name, alias },
    });
  }

  /** A call that answers `{model_version}`. */
  private async versionCall(
    method: MlflowMethod,
    endpoint: string,
    options: { query?: Query; body?: unknown },
  ): Promise<MlflowModelVersion> {
    const answer = await this.call<{ model_version: Record<string, unknown> }>(
      method,
      endpoint,
      options,
    );
    return modelVersionFromWire(answer.model_version);
  }

  private async call<T>(
    method: MlflowMethod,
    endpoint: string,
    options: { query?: Query; body?: unknown },
  ): Promise<T> {
    const response = await this.http.fetchRaw(
      method,
      `${TRACKING_PATH}/${endpoint}`,
      options,
    );
    if (!response.ok) {
      throw await mlflowResponseError(response);
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  }
}
