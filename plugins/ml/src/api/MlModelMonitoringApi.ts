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

/** @public */
export interface MlPageOptions {
  pageSize?: number;
  pageToken?: string;
}

/**
 * The MLOps loop of a model: what its quality and drift are computed from,
 * both per window, the monitors that watch them and their history, the
 * policy that gates a retrained candidate, and the model's events.
 *
 * @public
 */
export interface MlModelMonitoringApi {
  /** A model never configured answers `configured: false`. */
  getMonitoringSettings(
    projectId: string,
    modelId: string,
  ): Promise<ModelMonitoringSettings>;
  putMonitoringSettings(
    projectId: string,
    modelId: string,
    settings: ModelMonitoringSettingsInput,
  ): Promise<ModelMonitoringSettings>;
  /** Same range options as the model's metrics. */
  getModelQuality(
    projectId: string,
    modelId: string,
    options?: MlModelMetricsOptions,
  ): Promise<ModelQuality>;
  getModelDrift(
    projectId: string,
    modelId: string,
    options?: MlModelMetricsOptions,
  ): Promise<ModelDrift>;
  takeDriftBaseline(
    projectId: string,
    modelId: string,
    request: TakeDriftBaselineRequest,
  ): Promise<DriftBaseline[]>;

  listMonitors(projectId: string, modelId: string): Promise<ModelMonitor[]>;
  createMonitor(
    projectId: string,
    modelId: string,
    request: CreateModelMonitorRequest,
  ): Promise<ModelMonitor>;
  updateMonitor(
    projectId: string,
    modelId: string,
    monitorId: string,
    request: UpdateModelMonitorRequest,
  ): Promise<ModelMonitor>;
  deleteMonitor(
    projectId: string,
    modelId: string,
    monitorId: string,
  ): Promise<void>;
  /** Newest first. */
  listMonitorEvaluations(
    projectId: string,
    modelId: string,
    monitorId: string,
    options?: MlPageOptions,
  ): Promise<Page<MonitorEvaluation>>;

  /** Undefined when the model has no policy. */
  getPromotionPolicy(
    projectId: string,
    modelId: string,
  ): Promise<PromotionPolicy | undefined>;
  putPromotionPolicy(
    projectId: string,
    modelId: string,
    policy: PromotionPolicyInput,
  ): Promise<PromotionPolicy>;
  deletePromotionPolicy(projectId: string, modelId: string): Promise<void>;

  /** Newest first. */
  listModelEvents(
    projectId: string,
    modelId: string,
    options?: MlPageOptions,
  ): Promise<Page<ModelEvent>>;
}
