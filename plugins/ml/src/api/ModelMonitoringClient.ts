import {
  CreateModelMonitorRequest,
  DriftBaseline,
  ModelDrift,
  ModelEvent,
  ModelMonitor,
  ModelMonitoringSettings,
  ModelMonitoringSettingsInput,
  ModelQuality,
  MonitorEvaluation,
  Page,
  PromotionPolicy,
  PromotionPolicyInput,
  TakeDriftBaselineRequest,
  UpdateModelMonitorRequest,
} from '@ml-platform/plugin-ml-common';
import { MlModelMetricsOptions } from './MlModelsApi';
import { MlModelMonitoringApi, MlPageOptions } from './MlModelMonitoringApi';
import { Collection } from './Collection';
import { MlHttp, Query, projectPath, seg } from './MlHttp';

const modelPath = (projectId: string, modelId: string) =>
  `${projectPath(projectId)}/models/${seg(modelId)}`;

const monitorsOf = (http: MlHttp, projectId: string, modelId: string) =>
  new Collection<ModelMonitor>(
    http,
    `${modelPath(projectId, modelId)}/monitors`,
  );

function rangeOf(options?: MlModelMetricsOptions): Query {
  return {
    deploymentId: options?.deploymentId,
    from: options?.from,
    to: options?.to,
    stepSeconds: options?.stepSeconds,
  };
}

function pageOf(options?: MlPageOptions): Query {
  return { page_size: options?.pageSize, page_token: options?.pageToken };
}

/** A model's quality, drift, monitors, promotion policy and events. */
export class ModelMonitoringClient implements MlModelMonitoringApi {
  constructor(private readonly http: MlHttp) {}

  getMonitoringSettings(projectId: string, modelId: string) {
    return this.http.json<ModelMonitoringSettings>(
      'GET',
      `${modelPath(projectId, modelId)}/monitoring-settings`,
    );
  }

  putMonitoringSettings(
    projectId: string,
    modelId: string,
    settings: ModelMonitoringSettingsInput,
  ) {
    return this.http.json<ModelMonitoringSettings>(
      'PUT',
      `${modelPath(projectId, modelId)}/monitoring-settings`,
      { body: settings },
    );
  }

  getModelQuality(
    projectId: string,
    modelId: string,
    options?: MlModelMetricsOptions,
  ) {
    return this.http.json<ModelQuality>(
      'GET',
      `${modelPath(projectId, modelId)}/quality`,
      { query: rangeOf(options) },
    );
  }

  getModelDrift(
    projectId: string,
    modelId: string,
    options?: MlModelMetricsOptions,
  ) {
    return this.http.json<ModelDrift>(
      'GET',
      `${modelPath(projectId, modelId)}/drift`,
      { query: rangeOf(options) },
    );
  }

  async takeDriftBaseline(
    projectId: string,
    modelId: string,
    request: TakeDriftBaselineRequest,
  ) {
    const { items } = await this.http.json<{ items: DriftBaseline[] }>(
      'POST',
      `${modelPath(projectId, modelId)}/drift-baseline`,
      { body: request },
    );
    return items;
  }

  listMonitors(projectId: string, modelId: string) {
    return monitorsOf(this.http, projectId, modelId).items();
  }

  createMonitor(
    projectId: string,
    modelId: string,
    request: CreateModelMonitorRequest,
  ) {
    return monitorsOf(this.http, projectId, modelId).create(request);
  }

  updateMonitor(
    projectId: string,
    modelId: string,
    monitorId: string,
    request: UpdateModelMonitorRequest,
  ) {
    return monitorsOf(this.http, projectId, modelId).update(monitorId, request);
  }

  deleteMonitor(projectId: string, modelId: string, monitorId: string) {
    return monitorsOf(this.http, projectId, modelId).remove(monitorId);
  }

  listMonitorEvaluations(
    projectId: string,
    modelId: string,
    monitorId: string,
    options?: MlPageOptions,
  ) {
    const monitors = monitorsOf(this.http, projectId, modelId);
    return this.http.json<Page<MonitorEvaluation>>(
      'GET',
      `${monitors.pathOf(monitorId)}/evaluations`,
      { query: pageOf(options) },
    );
  }

  async getPromotionPolicy(
    projectId: string,
    modelId: string,
  ): Promise<PromotionPolicy | undefined> {
    const response = await this.http.send(
      'GET',
      `${modelPath(projectId, modelId)}/promotion-policy`,
    );
    // 204: the model has no policy.
    if (response.status === 204) return undefined;
    return (await response.json()) as PromotionPolicy;
  }

  putPromotionPolicy(
    projectId: string,
    modelId: string,
    policy: PromotionPolicyInput,
  ) {
    return this.http.json<PromotionPolicy>(
      'PUT',
      `${modelPath(projectId, modelId)}/promotion-policy`,
      { body: policy },
    );
  }

  async deletePromotionPolicy(projectId: string, modelId: string) {
    await this.http.send(
      'DELETE',
      `${modelPath(projectId, modelId)}/promotion-policy`,
    );
  }

  listModelEvents(projectId: string, modelId: string, options?: MlPageOptions) {
    return this.http.json<Page<ModelEvent>>(
      'GET',
      `${modelPath(projectId, modelId)}/events`,
      { query: pageOf(options) },
    );
  }
}
