import { BackstageCredentials } from '@backstage/backend-plugin-api';
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
import type { Body, MlApiClient } from './MlApiClient';

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
