import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Application,
  Collaborator,
  Job,
  Model,
  ModelBuild,
  ModelDeployment,
  Page,
  Project,
  ProjectFileEntry,
  Runtime,
  Workload,
  Workspace,
} from '@ml-platform/plugin-ml-common';

/**
 * Who a call acts as: the ML backend checks this principal's rights, so a
 * module acting for a user passes the user's credentials, and one acting for
 * itself its own service credentials.
 *
 * @public
 */
export interface MlServiceRequestOptions {
  credentials: BackstageCredentials;
}

/**
 * Paging of a list call.
 *
 * @public
 */
export interface MlListQuery {
  pageSize?: number;
  pageToken?: string;
}

/**
 * A list page; lists that are not paged (a project's models) report no
 * `total_size`.
 *
 * @public
 */
export type MlListPage<T> = Omit<Page<T>, 'total_size'> & {
  total_size?: number;
};

/**
 * A JSON request body, validated by the ML backend.
 *
 * @public
 */
export type MlRequestBody = Record<string, unknown>;

/**
 * The ML backend's REST API (`/api/ml`) for other backend plugins and
 * modules, the way `catalogServiceRef` gives them the catalog. Failed calls
 * throw an {@link MlResponseError} that keeps the ML backend's own error as
 * its cause.
 *
 * @public
 */
export interface MlService {
  /** The base URL of the API, e.g. `http://localhost:7007/api/ml`. */
  getBaseUrl(): Promise<string>;
  /** The base URL users reach the API at, for links shown to them. */
  getExternalBaseUrl(): Promise<string>;

  listWorkspaces(
    query: MlListQuery,
    options: MlServiceRequestOptions,
  ): Promise<MlListPage<Workspace>>;
  /** `all`: retired runtimes too. */
  listRuntimes(
    query: MlListQuery & { all?: boolean },
    options: MlServiceRequestOptions,
  ): Promise<MlListPage<Runtime>>;

  listProjects(
    query: MlListQuery,
    options: MlServiceRequestOptions,
  ): Promise<MlListPage<Project>>;
  getProject(
    projectId: string,
    options: MlServiceRequestOptions,
  ): Promise<Project>;
  createProject(
    body: MlRequestBody,
    options: MlServiceRequestOptions,
  ): Promise<Project>;
  listCollaborators(
    projectId: string,
    query: MlListQuery,
    options: MlServiceRequestOptions,
  ): Promise<MlListPage<Collaborator>>;
  writeFile(
    projectId: string,
    path: string,
    content: Buffer,
    options: MlServiceRequestOptions,
  ): Promise<ProjectFileEntry>;

  listJobs(
    projectId: string,
    query: MlListQuery,
    options: MlServiceRequestOptions,
  ): Promise<MlListPage<Job>>;
  createJob(
    projectId: string,
    body: MlRequestBody,
    options: MlServiceRequestOptions,
  ): Promise<Job>;
  runJob(
    projectId: string,
    jobId: string,
    body: MlRequestBody,
    options: MlServiceRequestOptions,
  ): Promise<Workload>;
  getWorkload(
    workloadId: string,
    options: MlServiceRequestOptions,
  ): Promise<Workload>;

  listModels(
    projectId: string,
    query: MlListQuery,
    options: MlServiceRequestOptions,
  ): Promise<MlListPage<Model>>;
  createModel(
    projectId: string,
    body: MlRequestBody,
    options: MlServiceRequestOptions,
  ): Promise<Model>;
  listBuilds(
    projectId: string,
    modelId: string,
    query: MlListQuery,
    options: MlServiceRequestOptions,
  ): Promise<MlListPage<ModelBuild>>;
  getBuild(
    projectId: string,
    modelId: string,
    buildId: string,
    options: MlServiceRequestOptions,
  ): Promise<ModelBuild>;
  buildModel(
    projectId: string,
    modelId: string,
    body: MlRequestBody,
    options: MlServiceRequestOptions,
  ): Promise<ModelBuild>;
  listDeployments(
    projectId: string,
    modelId: string,
    query: MlListQuery,
    options: MlServiceRequestOptions,
  ): Promise<MlListPage<ModelDeployment>>;
  getDeployment(
    projectId: string,
    modelId: string,
    deploymentId: string,
    options: MlServiceRequestOptions,
  ): Promise<ModelDeployment>;
  deployModel(
    projectId: string,
    modelId: string,
    body: MlRequestBody,
    options: MlServiceRequestOptions,
  ): Promise<ModelDeployment>;

  listApplications(
    projectId: string,
    query: MlListQuery,
    options: MlServiceRequestOptions,
  ): Promise<MlListPage<Application>>;
  getApplication(
    projectId: string,
    applicationId: string,
    options: MlServiceRequestOptions,
  ): Promise<Application>;
  createApplication(
    projectId: string,
    body: MlRequestBody,
    options: MlServiceRequestOptions,
  ): Promise<Application>;
  startApplication(
    projectId: string,
    applicationId: string,
    options: MlServiceRequestOptions,
  ): Promise<Application>;
}
