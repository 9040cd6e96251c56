import { EnvVars } from './env';
import { WorkloadState } from './workloads';

/**
 * Types of models, builds, deployments, access keys, prediction records and
 * metrics: the serving side of the platform (CML's "Models").
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

/** @public */
export interface Model {
  id: string;
  projectId: string;
  /** DNS-style name, unique in the project; used in URLs and the catalog. */
  name: string;
  description: string;
  /** When true, predictions need no access key. */
  disableAuthentication: boolean;
  /** The deployment that serves traffic now, if any. */
  activeDeploymentId?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export interface ModelExample {
  request: unknown;
  response?: unknown;
}

/** @public */
export type BuildState = 'queued' | 'building' | 'built' | 'failed' | 'stopped';

/** @public */
export interface ModelBuild {
  id: string;
  modelId: string;
  /** 1-based, per model. */
  number: number;
  /** File with the model function, relative to the project root. */
  filePath: string;
  functionName: string;
  runtimeId: string;
  comment: string;
  examples: ModelExample[];
  /** Secrets masked. */
  env: EnvVars;
  state: BuildState;
  /** Why it failed ("ImportError: no module named sklearn", "build.sh exited with 2"). */
  reason?: string;
  /** The build workload (its logs are /workloads/:id/logs). */
  workloadId?: string;
  /** Data tables this build was trained on, from lineage.yaml. */
  datasets: string[];
  /** Free metadata from lineage.yaml. */
  lineageMetadata: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  builtAt?: string;
}

/** @public */
export type DeploymentState = 'deploying' | 'deployed' | 'failed' | 'stopped';

/** @public */
export interface ModelReplica {
  workloadId: string;
  /** 0-based index, stable for the deployment. */
  index: number;
  state: WorkloadState;
  reason?: string;
  /** True when the replica answers its health check and takes traffic. */
  ready: boolean;
}

/** @public */
export interface ModelDeployment {
  id: string;
  modelId: string;
  buildId: string;
  buildNumber: number;
  replicas: number;
  profile: string;
  /** Secrets masked. */
  env: EnvVars;
  state: DeploymentState;
  reason?: string;
  replicaStatus: ModelReplica[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  stoppedAt?: string;
}

/** @public */
export interface ModelAccessKey {
  id: string;
  modelId: string;
  name: string;
  /** First characters only, e.g. "mk_3f9a…". */
  masked: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt?: string;
}

/** @public */
export interface CreatedModelAccessKey extends ModelAccessKey {
  /** The whole key; returned once, at creation. */
  key: string;
}

/** @public */
export interface PredictionResponse {
  success: boolean;
  response?: unknown;
  /** Set when success is false. */
  error?: { name: string; message: string };
  uuid: string;
  /** Index of the replica that served the request. */
  replica: number;
  /** Milliseconds spent in the model function, and overall in the platform. */
  timing: { modelMs: number; totalMs: number };
}

/** @public */
export interface PredictionRecord {
  uuid: string;
  modelId: string;
  deploymentId: string;
  replica: number;
  at: string;
  latencyMs: number;
  /** HTTP status returned to the caller. */
  status: number;
  success: boolean;
  /** Values from track_metric during the prediction. */
  metrics: Record<string, number>;
  /** Values from track_delayed_metrics, joined by uuid. */
  delayedMetrics: Record<string, number>;
}

/** @public */
export interface ModelMetricsBucket {
  /** Bucket start. */
  at: string;
  requests: number;
  errors: number;
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  /** Mean of each tracked metric in the bucket. */
  metrics: Record<string, number>;
  /** Mean of each delayed metric in the bucket (by the prediction's time). */
  delayedMetrics: Record<string, number>;
}

/** @public */
export interface ReplicaUsageSample {
  at: string;
  replica: number;
  cpu: number;
  memoryMiB: number;
}

/** @public */
export interface ModelMetrics {
  from: string;
  to: string;
  stepSeconds: number;
  buckets: ModelMetricsBucket[];
  usage: ReplicaUsageSample[];
}

/** @public */
export type ApplicationState = 'stopped' | WorkloadState;

/** @public */
export interface Application {
  id: string;
  projectId: string;
  name: string;
  /** Unique across the portal; the app is served at /api/ml/apps/:slug/. */
  slug: string;
  description: string;
  script: string;
  runtimeId: string;
  profile: string;
  /** Secrets masked. */
  env: EnvVars;
  /** Anyone who can reach the portal may open it (needs an admin config flag). */
  bypassAuthentication: boolean;
  /** The current (or last) workload running the app. */
  workloadId?: string;
  state: ApplicationState;
  reason?: string;
  /** Path to open the app, relative to the ML API base URL. */
  url: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
