import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ForwardedError, ResponseError } from '@backstage/errors';
import { MlApi } from './MlApi';

/** How the client finds and authenticates to the ML backend; replaceable in tests. */
export interface MlApiClientOptions {
  discovery: Pick<DiscoveryService, 'getBaseUrl' | 'getExternalBaseUrl'>;
  auth: Pick<AuthService, 'getPluginRequestToken'>;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** A JSON request body. */
export type Body = Record<string, unknown>;

/**
 * The parts of the ML backend's REST API (`/api/ml`) that template actions
 * use. Every call carries a token minted on behalf of the given credentials,
 * so the ML backend sees the user who started the task, never the
 * scaffolder itself.
 */
export class MlApiClient {
  readonly #discovery: MlApiClientOptions['discovery'];
  readonly #auth: MlApiClientOptions['auth'];
  readonly #fetch: typeof fetch;

  constructor(options: MlApiClientOptions) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** The ML REST API's base URL, e.g. `http://localhost:7007/api/ml`. */
  baseUrl(): Promise<string> {
    return this.#discovery.getBaseUrl('ml');
  }

  /** The base URL users reach the ML REST API at, for links in outputs. */
  externalBaseUrl(): Promise<string> {
    return this.#discovery.getExternalBaseUrl('ml');
  }

  /** A view of the API that acts as the given principal. */
  as(credentials: BackstageCredentials): MlApi {
    return new MlApi(this, credentials);
  }

  /** @internal */
  async request<T>(
    credentials: BackstageCredentials,
    method: string,
    path: string,
    body?: Body | Buffer,
  ): Promise<T> {
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'ml',
    });
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
    };
    let payload: BodyInit | undefined;
    if (Buffer.isBuffer(body)) {
      headers['Content-Type'] = 'application/octet-stream';
      payload = new Uint8Array(body);
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await this.#fetch(`${await this.baseUrl()}${path}`, {
      method,
      headers,
      body: payload,
    });
    if (!response.ok) {
      // The cause carries the ML API's own error (e.g. InputError naming the field).
      const error = await ResponseError.fromResponse(response);
      throw new ForwardedError(
        `The ML API refused ${method} ${path.split('?')[0]} (${
          response.status
        })`,
        error.cause ?? error,
      );
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}
