import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ForwardedError, ResponseError } from '@backstage/errors';
import {
  MlListPage,
  MlListQuery,
  MlRequestBody,
  MlService,
  MlServiceRequestOptions,
} from './MlService';
import { MlResponseError } from './MlResponseError';

/**
 * How {@link DefaultMlService} finds and authenticates to the ML backend.
 *
 * @public
 */
export interface DefaultMlServiceOptions {
  discovery: Pick<DiscoveryService, 'getBaseUrl' | 'getExternalBaseUrl'>;
  auth: Pick<AuthService, 'getPluginRequestToken'>;
  /** Defaults to the global `fetch`; tests pass their own. */
  fetch?: typeof fetch;
}

const seg = encodeURIComponent;
const projectPath = (projectId: string) => `/projects/${seg(projectId)}`;
const modelPath = (projectId: string, modelId: string) =>
  `${projectPath(projectId)}/models/${seg(modelId)}`;

/**
 * {@link MlService} over HTTP. Every call carries a token minted on behalf of
 * the given credentials, so the ML backend sees the principal the caller
 * acts for (the user who started a template task, or the catalog itself).
 *
 * @public
 */
export class DefaultMlService implements MlService {
  readonly #discovery: DefaultMlServiceOptions['discovery'];
  readonly #auth: DefaultMlServiceOptions['auth'];
  readonly #fetch: typeof fetch;

  constructor(options: DefaultMlServiceOptions) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  getBaseUrl() {
    return this.#discovery.getBaseUrl('ml');
  }

  getExternalBaseUrl() {
    return this.#discovery.getExternalBaseUrl('ml');
  }

  readonly listWorkspaces: MlService['listWorkspaces'] = (query, options) => {
    return this.#list('/workspaces', query, {}, options);
  };

  readonly listRuntimes: MlService['listRuntimes'] = (query, options) => {
    const filters: Record<string, string> = query.all ? { all: 'true' } : {};
    return this.#list('/runtimes', query, filters, options);
  };

  readonly listProjects: MlService['listProjects'] = (query, options) => {
    return this.#list('/projects', query, {}, options);
  };

  readonly getProject: MlService['getProject'] = (projectId, options) => {
    return this.#call('GET', projectPath(projectId), options);
  };

  readonly createProject: MlService['createProject'] = (body, options) => {
    return this.#call('POST', '/projects', options, body);
  };

  readonly listCollaborators: MlService['listCollaborators'] = (
    projectId,
    query,
    options,
  ) => {
    const path = `${projectPath(projectId)}/collaborators`;
    return this.#list(path, query, {}, options);
  };

  readonly writeFile: MlService['writeFile'] = (
    projectId,
    path,
    content,
    options,
  ) => {
    const url = `${projectPath(projectId)}/files/content?path=${seg(path)}`;
    return this.#call('PUT', url, options, content);
  };

  readonly listJobs: MlService['listJobs'] = (projectId, query, options) => {
    return this.#list(`${projectPath(projectId)}/jobs`, query, {}, options);
  };

  readonly createJob: MlService['createJob'] = (projectId, body, options) => {
    return this.#call('POST', `${projectPath(projectId)}/jobs`, options, body);
  };

  readonly runJob: MlService['runJob'] = (projectId, jobId, body, options) => {
    const path = `${projectPath(projectId)}/jobs/${seg(jobId)}/runs`;
    return this.#call('POST', path, options, body);
  };

  readonly getWorkload: MlService['getWorkload'] = (workloadId, options) => {
    return this.#call('GET', `/workloads/${seg(workloadId)}`, options);
  };

  readonly listModels: MlService['listModels'] = (
    projectId,
    query,
    options,
  ) => {
    return this.#list(`${projectPath(projectId)}/models`, query, {}, options);
  };

  readonly createModel: MlService['createModel'] = (
    projectId,
    body,
    options,
  ) => {
    const path = `${projectPath(projectId)}/models`;
    return this.#call('POST', path, options, body);
  };

  readonly listBuilds: MlService['listBuilds'] = (
    projectId,
    modelId,
    query,
    options,
  ) => {
    const path = `${modelPath(projectId, modelId)}/builds`;
    return this.#list(path, query, {}, options);
  };

  readonly getBuild: MlService['getBuild'] = (
    projectId,
    modelId,
    buildId,
    options,
  ) => {
    const path = `${modelPath(projectId, modelId)}/builds/${seg(buildId)}`;
    return this.#call('GET', path, options);
  };

  readonly buildModel: MlService['buildModel'] = (
    projectId,
    modelId,
    body,
    options,
  ) => {
    const path = `${modelPath(projectId, modelId)}/builds`;
    return this.#call('POST', path, options, body);
  };

  readonly listDeployments: MlService['listDeployments'] = (
    projectId,
    modelId,
    query,
    options,
  ) => {
    const path = `${modelPath(projectId, modelId)}/deployments`;
    return this.#list(path, query, {}, options);
  };

  readonly getDeployment: MlService['getDeployment'] = (
    projectId,
    modelId,
    deploymentId,
    options,
  ) => {
    const path = `${modelPath(projectId, modelId)}/deployments/${seg(
      deploymentId,
    )}`;
    return this.#call('GET', path, options);
  };

  readonly deployModel: MlService['deployModel'] = (
    projectId,
    modelId,
    body,
    options,
  ) => {
    const path = `${modelPath(projectId, modelId)}/deployments`;
    return this.#call('POST', path, options, body);
  };

  readonly listApplications: MlService['listApplications'] = (
    projectId,
    query,
    options,
  ) => {
    const path = `${projectPath(projectId)}/applications`;
    return this.#list(path, query, {}, options);
  };

  readonly getApplication: MlService['getApplication'] = (
    projectId,
    applicationId,
    options,
  ) => {
    const path = `${projectPath(projectId)}/applications/${seg(applicationId)}`;
    return this.#call('GET', path, options);
  };

  readonly createApplication: MlService['createApplication'] = (
    projectId,
    body,
    options,
  ) => {
    const path = `${projectPath(projectId)}/applications`;
    return this.#call('POST', path, options, body);
  };

  readonly startApplication: MlService['startApplication'] = (
    projectId,
    applicationId,
    options,
  ) => {
    const path = `${projectPath(projectId)}/applications/${seg(
      applicationId,
    )}/start`;
    return this.#call('POST', path, options, {});
  };

  /** Filters first, then paging, in that order on the query string. */
  #list<T>(
    path: string,
    query: MlListQuery,
    filters: Record<string, string>,
    options: MlServiceRequestOptions,
  ): Promise<MlListPage<T>> {
    const params = new URLSearchParams(filters);
    if (query.pageSize !== undefined) {
      params.set('page_size', String(query.pageSize));
    }
    if (query.pageToken) {
      params.set('page_token', query.pageToken);
    }
    const search = params.toString();
    return this.#call('GET', search ? `${path}?${search}` : path, options);
  }

  async #call<T>(
    method: string,
    path: string,
    options: MlServiceRequestOptions,
    body?: MlRequestBody | Buffer,
  ): Promise<T> {
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: 'ml',
    });
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
    };
    let payload: BodyInit | undefined;
    if (Buffer.isBuffer(body)) {
      headers['Content-Type'] = 'application/octet-stream';
      payload = new Uint8Array(body);
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const url = `${await this.getBaseUrl()}${path}`;
    let response: Response;
    try {
      response = await this.#fetch(url, { method, headers, body: payload });
    } catch (error) {
      throw new ForwardedError(
        `Could not reach the ML backend at ${new URL(url).origin}`,
        error,
      );
    }
    if (!response.ok) {
      // The cause carries the ML API's own error (e.g. InputError naming the field).
      const error = await ResponseError.fromResponse(response);
      throw new MlResponseError(
        `The ML API refused ${method} ${path.split('?')[0]} (${
          response.status
        })`,
        error.cause ?? error,
        response.status,
      );
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}
