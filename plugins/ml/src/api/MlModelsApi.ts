import {
  CreateModelBuildRequest,
  CreateModelDeploymentRequest,
  CreateModelRequest,
  CreatedModelAccessKey,
  Model,
  ModelAccessKey,
  ModelBuild,
  ModelDeployment,
  ModelLineage,
  ModelMetrics,
  Page,
  PredictionRecord,
  PredictionResponse,
  UpdateModelRequest,
} from '@ml-platform/plugin-ml-common';

// The request bodies are the backend's own (zod inputs in ml-common).

/** @public */
export type MlCreateModelRequest = CreateModelRequest;

/** @public */
export type MlUpdateModelRequest = UpdateModelRequest;

/** @public */
export type MlCreateBuildRequest = CreateModelBuildRequest;

/** @public */
export type MlCreateDeploymentRequest = CreateModelDeploymentRequest;

/** @public */
export interface MlModelMetricsOptions {
  deploymentId?: string;
  /** ISO times; the server's default range when omitted. */
  from?: string;
  to?: string;
  stepSeconds?: number;
}

/** @public */
export interface MlListPredictionsOptions {
  deploymentId?: string;
  from?: string;
  to?: string;
  uuid?: string;
  pageSize?: number;
  pageToken?: string;
}

/**
 * The models part of the ML API (CML's "Models"): models, their builds,
 * deployments and access keys, test predictions and monitoring data.
 *
 * @public
 */
export interface MlModelsApi {
  listModels(projectId: string): Promise<Model[]>;
  getModel(projectId: string, modelId: string): Promise<Model>;
  createModel(projectId: string, request: MlCreateModelRequest): Promise<Model>;
  updateModel(
    projectId: string,
    modelId: string,
    request: MlUpdateModelRequest,
  ): Promise<Model>;
  deleteModel(projectId: string, modelId: string): Promise<void>;

  /** Newest first. */
  listBuilds(projectId: string, modelId: string): Promise<ModelBuild[]>;
  getBuild(
    projectId: string,
    modelId: string,
    buildId: string,
  ): Promise<ModelBuild>;
  createBuild(
    projectId: string,
    modelId: string,
    request: MlCreateBuildRequest,
  ): Promise<ModelBuild>;

  /**
   * Where the model comes from and goes to: datasets, experiment runs and
   * registry versions → builds → deployments → endpoint → applications.
   */
  getModelLineage(projectId: string, modelId: string): Promise<ModelLineage>;

  /** Newest first. */
  listDeployments(
    projectId: string,
    modelId: string,
  ): Promise<ModelDeployment[]>;
  createDeployment(
    projectId: string,
    modelId: string,
    request: MlCreateDeploymentRequest,
  ): Promise<ModelDeployment>;
  scaleDeployment(
    projectId: string,
    modelId: string,
    deploymentId: string,
    replicas: number,
  ): Promise<ModelDeployment>;
  stopDeployment(
    projectId: string,
    modelId: string,
    deploymentId: string,
  ): Promise<ModelDeployment>;

  listAccessKeys(projectId: string, modelId: string): Promise<ModelAccessKey[]>;
  /** The result holds the whole key; the server never shows it again. */
  createAccessKey(
    projectId: string,
    modelId: string,
    name: string,
  ): Promise<CreatedModelAccessKey>;
  revokeAccessKey(
    projectId: string,
    modelId: string,
    keyId: string,
  ): Promise<void>;

  /**
   * Sends one request to the model as the signed-in user. Resolves with the
   * platform's answer also when the model function raised (`success` false);
   * rejects when the platform refused the request (busy, not deployed).
   */
  predict(
    projectId: string,
    modelId: string,
    request: unknown,
  ): Promise<PredictionResponse>;
  listPredictions(
    projectId: string,
    modelId: string,
    options?: MlListPredictionsOptions,
  ): Promise<Page<PredictionRecord>>;
  getModelMetrics(
    projectId: string,
    modelId: string,
    options?: MlModelMetricsOptions,
  ): Promise<ModelMetrics>;
}
