import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import { MlService } from '@ml-platform/plugin-ml-node';
import { MlflowApiError } from './MlflowApiError';

/** Where MLflow's REST API is below the ML API's base URL. */
export const MLFLOW_API_PATH = '/mlflow/api/2.0/mlflow';

/** A request message of MLflow's API: the JSON body, or the query of a GET. */
export type MlflowMessage = Record<
  string,
  string | number | boolean | string[] | object | undefined
>;

/**
 * How {@link MlflowApi} finds the ML backend (through the ML service's
 * discovery) and gets a token for the user an action runs for.
 */
export interface MlflowApiOptions {
  ml: Pick<MlService, 'getBaseUrl'>;
  auth: Pick<AuthService, 'getPluginRequestToken'>;
  /** Defaults to the global `fetch`; tests pass their own. */
  fetch?: typeof fetch;
}

/**
 * MLflow's REST API 2.0 (tracking and model registry) that the ML backend
 * serves. It is not in the ML backend's OpenAPI spec, so the ML service
 * has no calls for it: this makes them the way the service does, with a
 * token minted on behalf of the given credentials.
 */
export class MlflowApi {
  readonly #options: MlflowApiOptions;
  readonly #fetch: typeof fetch;

  constructor(options: MlflowApiOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /**
   * One call, e.g. `call('GET', 'registered-models/get', { name })`. A
   * refusal throws an {@link MlflowApiError} with MLflow's error code.
   */
  async call<T>(
    method: 'GET' | 'POST',
    endpoint: string,
    message: MlflowMessage,
    credentials: BackstageCredentials,
  ): Promise<T> {
    const { token } = await this.#options.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'ml',
    });
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
    };
    let url = `${await this.#options.ml.getBaseUrl()}${MLFLOW_API_PATH}/${endpoint}`;
    let body: string | undefined;
    if (method === 'GET') {
      const query = queryString(message);
      if (query) url += `?${query}`;
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(message);
    }
    let response: Response;
    try {
      response = await this.#fetch(url, { method, headers, body });
    } catch (error) {
      throw new ForwardedError(
        `Could not reach the ML backend's MLflow API at ${new URL(url).origin}`,
        error,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      const { errorCode, reason } = mlflowFailure(text);
      throw new MlflowApiError(
        `MLflow API ${method} ${endpoint} failed (${response.status} ${errorCode}): ${reason}`,
        errorCode,
        response.status,
      );
    }
    return (text ? JSON.parse(text) : {}) as T;
  }
}

function queryString(message: MlflowMessage): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(message)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) {
      params.append(key, String(one));
    }
  }
  return params.toString();
}

/** MLflow's `{error_code, message}`, or what else the body says. */
function mlflowFailure(text: string): { errorCode: string; reason: string } {
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed.error_code === 'string') {
      return {
        errorCode: parsed.error_code,
        reason: String(parsed.message ?? ''),
      };
    }
  } catch {
    // not JSON: reported as text below
  }
  return { errorCode: 'UNKNOWN', reason: text.slice(0, 500) || 'no message' };
}
