import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ForwardedError, ResponseError } from '@backstage/errors';
import {
  DriftBaseline,
  ModelMonitor,
  ModelMonitoringSettings,
  PromotionPolicy,
} from '@ml-platform/plugin-ml-common';
import { MlResponseError, MlService } from '@ml-platform/plugin-ml-node';

/** How {@link ModelMonitoringApi} reaches the ML backend as a user. */
export interface ModelMonitoringApiOptions {
  ml: Pick<MlService, 'getBaseUrl'>;
  auth: Pick<AuthService, 'getPluginRequestToken'>;
  /** Defaults to the global `fetch`; tests pass their own. */
  fetch?: typeof fetch;
}

const seg = encodeURIComponent;
const modelPath = (projectId: string, modelId: string) =>
  `/projects/${seg(projectId)}/models/${seg(modelId)}`;

/**
 * The ML backend's model monitoring routes (settings, drift baselines,
 * monitors, promotion policy), which the ML service has no calls for yet.
 * Calls carry a token minted on behalf of the given credentials and fail
 * with an `MlResponseError` keeping the ML backend's error, as the ML
 * service's do.
 */
export class ModelMonitoringApi {
  readonly #options: ModelMonitoringApiOptions;
  readonly #fetch: typeof fetch;

  constructor(options: ModelMonitoringApiOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  putSettings(
    projectId: string,
    modelId: string,
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
  ): Promise<ModelMonitoringSettings> {
    const path = `${modelPath(projectId, modelId)}/monitoring-settings`;
    return this.#call('PUT', path, body, credentials);
  }

  takeBaseline(
    projectId: string,
    modelId: string,
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
  ): Promise<{ items: DriftBaseline[] }> {
    const path = `${modelPath(projectId, modelId)}/drift-baseline`;
    return this.#call('POST', path, body, credentials);
  }

  createMonitor(
    projectId: string,
    modelId: string,
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
  ): Promise<ModelMonitor> {
    const path = `${modelPath(projectId, modelId)}/monitors`;
    return this.#call('POST', path, body, credentials);
  }

  putPromotionPolicy(
    projectId: string,
    modelId: string,
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
  ): Promise<PromotionPolicy> {
    const path = `${modelPath(projectId, modelId)}/promotion-policy`;
    return this.#call('PUT', path, body, credentials);
  }

  async #call<T>(
    method: 'POST' | 'PUT',
    path: string,
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
  ): Promise<T> {
    const { token } = await this.#options.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'ml',
    });
    const url = `${await this.#options.ml.getBaseUrl()}${path}`;
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new ForwardedError(
        `Could not reach the ML backend at ${new URL(url).origin}`,
        error,
      );
    }
    if (!response.ok) {
      const error = await ResponseError.fromResponse(response);
      throw new MlResponseError(
        `The ML API refused ${method} ${path} (${response.status})`,
        error.cause ?? error,
        response.status,
      );
    }
    return (await response.json()) as T;
  }
}
