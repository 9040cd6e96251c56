import { ResponseError } from '@backstage/errors';
import {
  CreatedModelAccessKey,
  Model,
  ModelAccessKey,
  ModelBuild,
  ModelDeployment,
  ModelMetrics,
  Page,
  PredictionRecord,
  PredictionResponse,
} from '@ml-platform/plugin-ml-common';
import {
  MlCreateBuildRequest,
  MlCreateDeploymentRequest,
  MlCreateModelRequest,
  MlListPredictionsOptions,
  MlModelMetricsOptions,
  MlModelsApi,
  MlUpdateModelRequest,
} from './MlModelsApi';
import { MlHttp, seg } from './MlHttp';

function isPredictionResponse(body: unknown): body is PredictionResponse {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as PredictionResponse).success === 'boolean' &&
    typeof (body as PredictionResponse).uuid === 'string'
  );
}

function modelPath(projectId: string, modelId?: string) {
  const base = `/projects/${seg(projectId)}/models`;
  return modelId ? `${base}/${seg(modelId)}` : base;
}

/** Models: their builds, deployments, access keys and predictions. */
export class ModelsClient implements MlModelsApi {
  constructor(private readonly http: MlHttp) {}

  async listModels(projectId: string) {
    const { items } = await this.http.json<{ items: Model[] }>(
      'GET',
      modelPath(projectId),
    );
    return items;
  }

  getModel(projectId: string, modelId: string) {
    return this.http.json<Model>('GET', modelPath(projectId, modelId));
  }

  createModel(projectId: string, request: MlCreateModelRequest) {
    return this.http.json<Model>('POST', modelPath(projectId), {
      body: request,
    });
  }

  updateModel(
    projectId: string,
    modelId: string,
    request: MlUpdateModelRequest,
  ) {
    return this.http.json<Model>('PATCH', modelPath(projectId, modelId), {
      body: request,
    });
  }

  async deleteModel(projectId: string, modelId: string) {
    await this.http.send('DELETE', modelPath(projectId, modelId));
  }

  async listBuilds(projectId: string, modelId: string) {
    const { items } = await this.http.json<{ items: ModelBuild[] }>(
      'GET',
      `${modelPath(projectId, modelId)}/builds`,
    );
    return items;
  }

  getBuild(projectId: string, modelId: string, buildId: string) {
    return this.http.json<ModelBuild>(
      'GET',
      `${modelPath(projectId, modelId)}/builds/${seg(buildId)}`,
    );
  }

  createBuild(
    projectId: string,
    modelId: string,
    request: MlCreateBuildRequest,
  ) {
    return this.http.json<ModelBuild>(
      'POST',
      `${modelPath(projectId, modelId)}/builds`,
      { body: request },
    );
  }

  async listDeployments(projectId: string, modelId: string) {
    const { items } = await this.http.json<{ items: ModelDeployment[] }>(
      'GET',
      `${modelPath(projectId, modelId)}/deployments`,
    );
    return items;
  }

  createDeployment(
    projectId: string,
    modelId: string,
    request: MlCreateDeploymentRequest,
  ) {
    return this.http.json<ModelDeployment>(
      'POST',
      `${modelPath(projectId, modelId)}/deployments`,
      { body: request },
    );
  }

  scaleDeployment(
    projectId: string,
    modelId: string,
    deploymentId: string,
    replicas: number,
  ) {
    return this.http.json<ModelDeployment>(
      'PATCH',
      `${modelPath(projectId, modelId)}/deployments/${seg(deploymentId)}`,
      { body: { replicas } },
    );
  }

  stopDeployment(projectId: string, modelId: string, deploymentId: string) {
    return this.http.json<ModelDeployment>(
      'POST',
      `${modelPath(projectId, modelId)}/deployments/${seg(deploymentId)}/stop`,
    );
  }

  async listAccessKeys(projectId: string, modelId: string) {
    const { items } = await this.http.json<{ items: ModelAccessKey[] }>(
      'GET',
      `${modelPath(projectId, modelId)}/keys`,
    );
    return items;
  }

  createAccessKey(projectId: string, modelId: string, name: string) {
    return this.http.json<CreatedModelAccessKey>(
      'POST',
      `${modelPath(projectId, modelId)}/keys`,
      { body: { name } },
    );
  }

  async revokeAccessKey(projectId: string, modelId: string, keyId: string) {
    await this.http.send(
      'DELETE',
      `${modelPath(projectId, modelId)}/keys/${seg(keyId)}`,
    );
  }

  async predict(projectId: string, modelId: string, request: unknown) {
    const response = await this.http.fetchRaw(
      'POST',
      `${modelPath(projectId, modelId)}/predict`,
      { body: request },
    );
    if (response.ok) {
      return (await response.json()) as PredictionResponse;
    }
    // An exception in the model function comes back as an error status with
    // the usual prediction body (uuid, replica, the error): show it as the
    // model's answer. Anything else (429 busy, 404) is the platform refusing.
    const copy = response.clone();
    try {
      const body = await response.json();
      if (isPredictionResponse(body)) {
        return body;
      }
    } catch {
      // Not JSON: reported below with the status.
    }
    throw await ResponseError.fromResponse(copy);
  }

  listPredictions(
    projectId: string,
    modelId: string,
    options?: MlListPredictionsOptions,
  ) {
    return this.http.json<Page<PredictionRecord>>(
      'GET',
      `${modelPath(projectId, modelId)}/predictions`,
      {
        query: {
          deploymentId: options?.deploymentId,
          from: options?.from,
          to: options?.to,
          uuid: options?.uuid,
          page_size: options?.pageSize,
          page_token: options?.pageToken,
        },
      },
    );
  }

  getModelMetrics(
    projectId: string,
    modelId: string,
    options?: MlModelMetricsOptions,
  ) {
    return this.http.json<ModelMetrics>(
      'GET',
      `${modelPath(projectId, modelId)}/metrics`,
      {
        query: {
          deploymentId: options?.deploymentId,
          from: options?.from,
          to: options?.to,
          stepSeconds: options?.stepSeconds,
        },
      },
    );
  }
}
