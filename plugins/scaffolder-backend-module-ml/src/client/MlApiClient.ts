import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ForwardedError, ResponseError } from '@backstage/errors';
import {
  Application,
  Job,
  Model,
  ModelBuild,
  ModelDeployment,
  Project,
  ProjectFileEntry,
  Workload,
} from '@ml-platform/plugin-ml-common';

/** How the client finds and authenticates to the ML backend; replaceable in tests. */
export interface MlApiClientOptions {
  discovery: Pick<DiscoveryService, 'getBaseUrl' | 'getExternalBaseUrl'>;
  auth: Pick<AuthService, 'getPluginRequestToken'>;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

type Body = Record<string, unknown>;

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

const enc = encodeURIComponent;

/** The ML API as one principal sees it. */
export class MlApi {
  constructor(
    private readonly client: MlApiClient,
    private readonly credentials: BackstageCredentials,
  ) {}

  private call<T>(method: string, path: string, body?: Body | Buffer) {
    return this.client.request<T>(this.credentials, method, path, body);
  }

  externalBaseUrl() {
    return this.client.externalBaseUrl();
  }

  createProject(body: Body) {
    return this.call<Project>('POST', '/projects', body);
  }

  getProject(projectId: string) {
    return this.call<Project>('GET', `/projects/${enc(projectId)}`);
  }

  writeFile(projectId: string, path: string, content: Buffer) {
    return this.call<ProjectFileEntry>(
      'PUT',
      `/projects/${enc(projectId)}/files/content?path=${enc(path)}`,
      content,
    );
  }

  createJob(projectId: string, body: Body) {
    return this.call<Job>('POST', `/projects/${enc(projectId)}/jobs`, body);
  }

  runJob(projectId: string, jobId: string, body: Body) {
    return this.call<Workload>(
      'POST',
      `/projects/${enc(projectId)}/jobs/${enc(jobId)}/runs`,
      body,
    );
  }

  getWorkload(workloadId: string) {
    return this.call<Workload>('GET', `/workloads/${enc(workloadId)}`);
  }

  createModel(projectId: string, body: Body) {
    return this.call<Model>('POST', `/projects/${enc(projectId)}/models`, body);
  }

  buildModel(projectId: string, modelId: string, body: Body) {
    return this.call<ModelBuild>(
      'POST',
      `/projects/${enc(projectId)}/models/${enc(modelId)}/builds`,
      body,
    );
  }

  getBuild(projectId: string, modelId: string, buildId: string) {
    return this.call<ModelBuild>(
      'GET',
      `/projects/${enc(projectId)}/models/${enc(modelId)}/builds/${enc(
        buildId,
      )}`,
    );
  }

  deployModel(projectId: string, modelId: string, body: Body) {
    return this.call<ModelDeployment>(
      'POST',
      `/projects/${enc(projectId)}/models/${enc(modelId)}/deployments`,
      body,
    );
  }

  getDeployment(projectId: string, modelId: string, deploymentId: string) {
    return this.call<ModelDeployment>(
      'GET',
      `/projects/${enc(projectId)}/models/${enc(modelId)}/deployments/${enc(
        deploymentId,
      )}`,
    );
  }

  createApplication(projectId: string, body: Body) {
    return this.call<Application>(
      'POST',
      `/projects/${enc(projectId)}/applications`,
      body,
    );
  }

  getApplication(projectId: string, appId: string) {
    return this.call<Application>(
      'GET',
      `/projects/${enc(projectId)}/applications/${enc(appId)}`,
    );
  }

  startApplication(projectId: string, appId: string) {
    return this.call<Application>(
      'POST',
      `/projects/${enc(projectId)}/applications/${enc(appId)}/start`,
      {},
    );
  }
}
