import { ResponseError } from '@backstage/errors';
import {
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
import { Collection } from './Collection';
import { MlHttp, projectPath, seg } from './MlHttp';

function isPredictionResponse(body: unknown): body is PredictionResponse {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as PredictionResponse).success === 'boolean' &&
    typeof (body as PredictionResponse).uuid === 'string'
  );
}

const modelsOf = (http: MlHttp, projectId: string) =>
  new Collection<Model>(http, `${projectPath(projectId)}/models`);

const modelPath = (projectId: string, modelId: string) =>
  `${projectPath(projectId)}/models/${seg(modelId)}`;

/** The collection `name` below a model, e.g. its builds. */
function belowModel<T>(name: string) {
  return (http: MlHttp, projectId: string, modelId: string) =>
    new Collection<T>(http, `${modelPath(projectId, modelId)}/${name}`);
}

const buildsOf = belowModel<ModelBuild>('builds');
const deploymentsOf = belowModel<ModelDeployment>('deployments');
const keysOf = belowModel<ModelAccessKey>('keys');

/** Models: their builds, deployments, access keys and predictions. */
export class ModelsClient implements MlModelsApi {
  constructor(private readonly http: MlHttp) {}

  listModels(projectId: string) {
    return modelsOf(this.http, projectId).items();
  }

  getModel(projectId: string, modelId: string) {
    return modelsOf(this.http, projectId).get(modelId);
  }

  createModel(projectId: string, request: MlCreateModelRequest) {
    return modelsOf(this.http, projectId).create(request);
  }

  updateModel(
    projectId: string,
    modelId: string,
    request: MlUpdateModelRequest,
  ) {
    return modelsOf(this.http, projectId).update(modelId, request);
  }

  deleteModel(projectId: string, modelId: string) {
    return modelsOf(this.http, projectId).remove(modelId);
  }

  listBuilds(projectId: string, modelId: string) {
    return buildsOf(this.http, projectId, modelId).items();
  }

  getBuild(projectId: string, modelId: string, buildId: string) {
    return buildsOf(this.http, projectId, modelId).get(buildId);
  }

  createBuild(
    projectId: string,
    modelId: string,
    request: MlCreateBuildRequest,
  ) {
    return buildsOf(this.http, projectId, modelId).create(request);
  }

  getModelLineage(projectId: string, modelId: string) {
    return this.http.json<ModelLineage>(
      'GET',
      `${modelPath(projectId, modelId)}/lineage`,
    );
  }

  listDeployments(projectId: string, modelId: string) {
    return deploymentsOf(this.http, projectId, modelId).items();
  }

  createDeployment(
    projectId: string,
    modelId: string,
    request: MlCreateDeploymentRequest,
  ) {
    return deploymentsOf(this.http, projectId, modelId).create(request);
  }

  scaleDeployment(
    projectId: string,
    modelId: string,
    deploymentId: string,
    replicas: number,
  ) {
    return deploymentsOf(this.http, projectId, modelId).update(deploymentId, {
      replicas,
    });
  }

  stopDeployment(projectId: string, modelId: string, deploymentId: string) {
    return deploymentsOf(this.http, projectId, modelId).act(
      deploymentId,
      'stop',
    );
  }

  listAccessKeys(projectId: string, modelId: string) {
    return keysOf(this.http, projectId, modelId).items();
  }

  createAccessKey(projectId: string, modelId: string, name: string) {
    return this.http.json<CreatedModelAccessKey>(
      'POST',
      keysOf(this.http, projectId, modelId).pathOf(),
      { body: { name } },
    );
  }

  revokeAccessKey(projectId: string, modelId: string, keyId: string) {
    return keysOf(this.http, projectId, modelId).remove(keyId);
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
