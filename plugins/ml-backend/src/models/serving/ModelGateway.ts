import {
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ModelDirectory, ServingTarget } from './ModelDirectory';
import { ReplicaUnreachableError } from './errors';
import { CapturedCall } from '../quality/PredictionInputRecorder';
import { PredictionRecorder } from '../monitoring/PredictionRecorder';
import {
  ReplicaAnswer,
  ReplicaClient,
  ReplicaConnectionError,
} from './ReplicaClient';
import { Lease, ReplicaPool } from './ReplicaPool';

export interface ModelGatewayOptions {
  /** How long a request waits for a free replica before `model.busy`. */
  queueTimeoutMs: number;
  /** How long a replica that could not be reached is left out. */
  failureRestMs: number;
}

/**
 * What a caller presented: a model access key, or a Backstage token, checked
 * only when the model needs authentication (the check may cost a signature
 * verification).
 */
export type PredictionCredential =
  | { accessKey: string }
  | { authenticate: () => Promise<unknown> }
  | undefined;

/**
 * Routes predictions to the ready replicas of a model's active deployment:
 * resolves and authorizes the model, waits for a free replica, calls it
 * (once more on another replica if it could not be reached), shapes the
 * answer and hands a record to the recorder. Answers come from memory: the
 * directory caches, and each model has a pool synced on its changes.
 */
export class ModelGateway {
  private readonly pools = new Map<
    string,
    { pool: ReplicaPool; projectId: string }
  >();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly deps: {
      directory: ModelDirectory;
      client: ReplicaClient;
      /** Absent when recording is off. */
      recorder?: PredictionRecorder;
      /** Captures the declared features of successful predictions' requests. */
      inputs?: {
        capture(call: CapturedCall, request: unknown): void;
      };
      options: ModelGatewayOptions;
    },
  ) {
    this.unsubscribe = deps.directory.onChange(modelId => {
      void this.refresh(modelId);
    });
  }

  /** The model a CML access key belongs to (`POST /model`). */
  async targetByAccessKey(
    accessKey: string | undefined,
  ): Promise<ServingTarget> {
    if (!accessKey) {
      throw new AuthenticationError(
        'An access key is required: send {"accessKey": "...", "request": {...}}',
      );
    }
    const target = await this.deps.directory.byAccessKey(accessKey);
    if (!target) {
      throw new NotAllowedError(
        'The access key is not valid (unknown or revoked)',
      );
    }
    return target;
  }

  /** A model of a project by id or name, if the credential may call it. */
  async targetById(
    projectId: string,
    modelIdOrName: string,
    credential: PredictionCredential,
  ): Promise<ServingTarget> {
    const target = await this.deps.directory.byId(projectId, modelIdOrName);
    if (!target) {
      throw new NotFoundError(
        `No model '${modelIdOrName}' in project '${projectId}'`,
      );
    }
    if (target.disableAuthentication) {
      return target;
    }
    if (credential && 'authenticate' in credential) {
      // The caller's right on the project is checked by the callback.
      await credential.authenticate();
      return target;
    }
    if (!credential) {
      throw new AuthenticationError(
        `Model '${target.modelName}' needs an access key: send 'Authorization: Bearer <access key>'`,
      );
    }
    if (
      !(await this.deps.directory.keyIsValidFor(
        target.modelId,
        credential.accessKey,
      ))
    ) {
      throw new NotAllowedError(
        `The access key is not valid for model '${target.modelName}' (unknown or revoked)`,
      );
    }
    return target;
  }

  /**
   * Calls the model with a JSON request body (already validated as JSON) and
   * answers the PredictionResponse as JSON text: the model's response is
   * spliced in as the replica sent it, not parsed and serialized again.
   */
  async predict(
    target: ServingTarget,
    body: Buffer,
    /** The request as parsed, for the input recorder. */
    parsed?: unknown,
  ): Promise<string> {
    const started = performance.now();
    const atMs = Date.now();
    const uuid = randomUUID();
    const deploymentId = target.deploymentId;
    if (!deploymentId) {
      throw new ServiceUnavailableError(
        `Model '${target.modelName}' has no active deployment; deploy a build first`,
      );
    }
    const pool = this.poolFor(target);
    let replica = -1;
    let answer: ReplicaAnswer;
    // What the prediction record says of this call; the replica once leased.
    const call = () => ({ target, deploymentId, uuid, replica, atMs });
    try {
      const lease = await this.lease(pool, target);
      replica = lease.replica.index;
      try {
        answer = await this.deps.client.predict(lease.replica.url, body, uuid);
        lease.release();
      } catch (error) {
        if (!(error instanceof ReplicaConnectionError)) {
          lease.release('failed');
          throw error;
        }
        // Gone or going (a rolling redeploy): once more, on another replica.
        lease.release('failed');
        const retry = await this.lease(
          pool,
          target,
          lease.replica.workloadId,
          error.message,
        );
        replica = retry.replica.index;
        try {
          answer = await this.deps.client.predict(
            retry.replica.url,
            body,
            uuid,
          );
          retry.release();
        } catch (retryError) {
          retry.release('failed');
          throw retryError instanceof ReplicaConnectionError
            ? new ReplicaUnreachableError(
                `No replica of model '${target.modelName}' could be reached`,
              )
            : retryError;
        }
      }
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode ?? 503;
      this.record(
        call(),
        performance.now() - started,
        status,
        undefined,
        (error as Error).name,
      );
      throw error;
    }
    const totalMs = performance.now() - started;
    this.record(call(), totalMs, 200, answer, answer.error?.name);
    if (answer.success)
      this.deps.inputs?.capture(
        { modelId: target.modelId, deploymentId, uuid, atMs },
        parsed,
      );
    const modelMs =
      answer.modelMs !== undefined && Number.isFinite(answer.modelMs)
        ? answer.modelMs
        : totalMs;
    // The same fields, in the same order, as JSON.stringify of a PredictionResponse.
    const outcome = answer.success
      ? `"success":true,"response":${answer.responseJson ?? 'null'}`
      : `"success":false,"error":${JSON.stringify({
          name: String(answer.error?.name ?? 'Error'),
          message: String(answer.error?.message ?? 'The model failed'),
        })}`;
    return `{${outcome},"uuid":"${uuid}","replica":${replica},"timing":{"modelMs":${modelMs},"totalMs":${totalMs}}}`;
  }

  /** Stops taking work: rejects waiting requests and closes connections. */
  close(): void {
    this.unsubscribe();
    for (const { pool } of this.pools.values()) pool.close();
    this.deps.client.close();
  }

  private lease(
    pool: ReplicaPool,
    target: ServingTarget,
    exclude?: string,
    why?: string,
  ): Promise<Lease> {
    const lease = pool.acquire(exclude);
    if (!lease) {
      throw exclude
        ? new ReplicaUnreachableError(
            `No other replica of model '${target.modelName}' to retry on: ${why}`,
          )
        : new ServiceUnavailableError(
            `Model '${target.modelName}' has no ready replica now (its deployment is starting or scaling)`,
          );
    }
    return lease;
  }

  private poolFor(target: ServingTarget): ReplicaPool {
    let entry = this.pools.get(target.modelId);
    if (!entry) {
      entry = {
        pool: new ReplicaPool({
          queueTimeoutMs: this.deps.options.queueTimeoutMs,
          failureRestMs: this.deps.options.failureRestMs,
        }),
        projectId: target.projectId,
      };
      this.pools.set(target.modelId, entry);
    }
    entry.pool.setReplicas(target.replicas);
    return entry.pool;
  }

  private async refresh(modelId: string) {
    const entry = this.pools.get(modelId);
    if (!entry) return;
    try {
      const target = await this.deps.directory.byId(entry.projectId, modelId);
      entry.pool.setReplicas(target?.deploymentId ? target.replicas : []);
      if (!target) this.pools.delete(modelId);
    } catch {
      // The next request for the model syncs its pool from the directory.
    }
  }

  private record(
    call: {
      target: ServingTarget;
      deploymentId: string;
      uuid: string;
      replica: number;
      atMs: number;
    },
    latencyMs: number,
    status: number,
    answer: ReplicaAnswer | undefined,
    errorName: string | undefined,
  ) {
    const recorder = this.deps.recorder;
    if (!recorder) return;
    const { target, deploymentId, uuid, replica, atMs } = call;
    recorder.record({
      uuid,
      projectId: target.projectId,
      modelId: target.modelId,
      deploymentId,
      replica,
      atMs,
      latencyMs,
      modelMs: answer?.modelMs,
      status,
      success: answer?.success ?? false,
      errorName,
      metrics: numericMetrics(answer?.metrics),
    });
  }
}

const NO_METRICS: Record<string, number> = Object.freeze({}) as Record<
  string,
  number
>;

/** Tracked values that are finite numbers; anything else is not a metric point. */
function numericMetrics(metrics: unknown): Record<string, number> {
  if (!metrics || typeof metrics !== 'object') return NO_METRICS;
  let out: Record<string, number> | undefined;
  for (const name in metrics) {
    if (!Object.prototype.hasOwnProperty.call(metrics, name)) continue;
    const value = (metrics as Record<string, unknown>)[name];
    if (
      typeof value === 'number' &&
      Number.isFinite(value) &&
      name.length <= 200
    ) {
      (out ??= {})[name] = value;
    }
  }
  return out ?? NO_METRICS;
}
