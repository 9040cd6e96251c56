import type { MlApiComponents } from './schema/openapi';

/**
 * Types of models, builds, deployments, access keys, prediction records and
 * metrics: the serving side of the platform (CML's "Models"). Aliases of
 * openapi.yaml's schemas.
 *
 * REST (all under /api/ml):
 *   GET/POST          /projects/:projectId/models
 *   GET/PATCH/DELETE  /projects/:projectId/models/:modelId
 *   GET/POST          /projects/:projectId/models/:modelId/builds
 *   GET               /projects/:projectId/models/:modelId/builds/:buildId   (logs: /workloads/:workloadId/logs)
 *   GET/POST          /projects/:projectId/models/:modelId/deployments
 *   GET/PATCH         /projects/:projectId/models/:modelId/deployments/:deploymentId   (PATCH {replicas})
 *   POST              /projects/:projectId/models/:modelId/deployments/:deploymentId/stop
 *   GET/POST          /projects/:projectId/models/:modelId/keys      (POST returns the key once)
 *   DELETE            /projects/:projectId/models/:modelId/keys/:keyId
 *   POST              /projects/:projectId/models/:modelId/predict   (body = the request)
 *   POST              /model                                         (CML: {accessKey, request})
 *   GET               /projects/:projectId/models/:modelId/predictions?deploymentId&from&to&uuid&page_size&page_token
 *   GET               /projects/:projectId/models/:modelId/metrics?deploymentId&from&to&stepSeconds
 *   GET               /projects/:projectId/models/:modelId/lineage
 *   POST              /workload-api/v1/metrics                       (SDK; workload token)
 *   POST              /workload-api/v1/delayed-metrics               (SDK; workload token)
 *   GET               /workload-api/v1/metrics?...                   (SDK read_metrics)
 */

type Schemas = MlApiComponents['schemas'];

/** @public */
export type Model = Schemas['Model'];

/** @public */
export type ModelExample = Schemas['ModelExample'];

/** @public */
export type BuildState = ModelBuild['state'];

/** @public */
export type ModelBuild = Schemas['ModelBuild'];

/**
 * The model registry version a build was made from.
 *
 * @public
 */
export type RegisteredModelSource = Schemas['RegisteredModelSource'];

/** @public */
export type DeploymentState = ModelDeployment['state'];

/** @public */
export type ModelReplica = Schemas['ModelReplica'];

/** @public */
export type ModelDeployment = Schemas['ModelDeployment'];

/** @public */
export type ModelAccessKey = Schemas['ModelAccessKey'];

/** @public */
export type CreatedModelAccessKey = Schemas['CreatedModelAccessKey'];

/** @public */
export type PredictionResponse = Schemas['PredictionResponse'];

/** @public */
export type PredictionRecord = Schemas['PredictionRecord'];

/** @public */
export type ModelMetrics = Schemas['ModelMetrics'];

/** @public */
export type ModelMetricsBucket = ModelMetrics['buckets'][number];

/** @public */
export type ReplicaUsageSample = ModelMetrics['usage'][number];

/** @public */
export type ApplicationState = Schemas['ApplicationState'];

/** @public */
export type Application = Schemas['Application'];
