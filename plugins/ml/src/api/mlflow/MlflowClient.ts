import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { MlHttp, Query } from '../MlHttp';
import {
  MlflowApi,
  MlflowArtifactList,
  MlflowCreateExperimentRequest,
  MlflowPage,
  MlflowSearchExperimentsOptions,
  MlflowSearchRunsOptions,
} from './MlflowApi';
import { FileInfo, MlflowExperiment, MlflowMetric, MlflowRun } from './types';
import {
  experimentFromWire,
  metricFromWire,
  runFromWire,
  toNumber,
} from './wire';

/** Below the ML backend's base URL. */
const TRACKING_PATH = '/mlflow/api/2.0/mlflow';
const ARTIFACTS_PATH = '/mlflow/api/2.0/mlflow-artifacts/artifacts';
const ARTIFACT_SCHEME = 'mlflow-artifacts:/';
/** The most points MLflow hands out per page of a metric's history. */
const HISTORY_PAGE_SIZE = 25_000;

/**
 * A failed response as a `ResponseError` whose message is MLflow's own
 * (`{error_code, message}`); its body is in Backstage's form, with the
 * error code as the cause's name, so the plugin's error views read it.
 * Errors raised before the MLflow router (Backstage's) keep their form.
 */
async function mlflowResponseError(response: Response): Promise<Error> {
  const text = await response.text();
  let parsed: { error_code?: unknown; message?: unknown } | undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const isMlflowError =
    typeof parsed?.error_code === 'string' &&
    typeof parsed?.message === 'string';
  const bodyText = isMlflowError
    ? JSON.stringify({
        error: { name: parsed!.error_code, message: parsed!.message },
        response: { statusCode: response.status },
      })
    : text;
  const error = await ResponseError.fromResponse({
    headers: isMlflowError
      ? new Headers({ 'Content-Type': 'application/json' })
      : response.headers,
    ok: response.ok,
    redirected: response.redirected,
    status: response.status,
    statusText: response.statusText,
    type: response.type,
    url: response.url,
    text: async () => bodyText,
  });
  if (isMlflowError) {
    error.message = String(parsed!.message);
  }
  return error;
}

/** The artifact root's path below the artifacts endpoint. */
function artifactRootPath(artifactUri: string): string {
  if (!artifactUri.startsWith(ARTIFACT_SCHEME)) {
    throw new Error(
      `Artifacts at ${artifactUri} are not served by the portal's tracking server`,
    );
  }
  return artifactUri.slice(ARTIFACT_SCHEME.length).replace(/^\/+|\/+$/g, '');
}

/** Each segment encoded, the slashes kept. */
function encodePath(path: string): string {
  return path.split('/').filter(Boolean).map(encodeURIComponent).join('/');
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
    const root = encodePath(artifactRootPath(artifactUri));
    return `${baseUrl}${ARTIFACTS_PATH}/${root}/${encodePath(path)}`;
  }

  async downloadArtifact(artifactUri: string, path: string): Promise<Blob> {
    const root = encodePath(artifactRootPath(artifactUri));
    const response = await this.http.fetchRaw(
      'GET',
      `${ARTIFACTS_PATH}/${root}/${encodePath(path)}`,
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

  private async call<T>(
    method: 'GET' | 'POST',
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
