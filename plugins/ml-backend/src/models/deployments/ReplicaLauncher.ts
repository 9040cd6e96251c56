import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Model, Project } from '@ml-platform/plugin-ml-common';
import { ModelBuildStore, StoredModelBuild } from '../builds/ModelBuildStore';
import {
  ModelDeploymentStore,
  ReplicaSlot,
  StoredDeployment,
} from './ModelDeploymentStore';
import { ModelStore } from '../ModelStore';
import { StoredWorkload } from '../../database';
import { WorkloadEngine } from '../../engine/WorkloadEngine';
import { Placement, WorkloadLauncher } from '../../engine/WorkloadLauncher';
import { REGISTERED_MODEL_DIR } from '../builds/RegisteredVersions';
import { ReplicaReadiness } from './ReplicaReadiness';

/** The engine restarts a crashed replica this many times before its deployment notices. */
const REPLICA_MAX_ATTEMPTS = 3;
const REPLICA_RETRY_BACKOFF_SECONDS = 2;

/** Where deployments, their models and their builds' snapshots are kept. */
export interface DeploymentSources {
  models: ModelStore;
  deployments: ModelDeploymentStore;
  builds: ModelBuildStore;
  snapshotDir: (buildId: string) => string;
}

export interface ReplicaContext {
  /** The deployment's project, workspace, build runtime and profile. */
  placement: Placement;
  model: Model;
  build: StoredModelBuild;
  actor: string;
}

/**
 * Starts replica workloads of deployments (ml_platform.model_server in the
 * build's snapshot) and retires them: out of service at once, stopped after
 * the drain period.
 */
export class ReplicaLauncher {
  /** Replicas taken out of service that are stopped after the drain period. */
  private readonly retiring = new Set<string>();

  constructor(
    private readonly deps: DeploymentSources & {
      engine: Pick<WorkloadEngine, 'stop'>;
      launcher: WorkloadLauncher;
      readiness: ReplicaReadiness;
      drainMs: number;
      logger: LoggerService;
    },
  ) {}

  /** Whether a replica workload is on its way out (it has no slot any more, on purpose). */
  isRetiring(workloadId: string): boolean {
    return this.retiring.has(workloadId);
  }

  async start(
    c: ReplicaContext,
    d: StoredDeployment,
    index: number,
  ): Promise<StoredWorkload> {
    const { model, build } = c;
    const { workload } = await this.deps.launcher.launch(c.placement, {
      kind: 'model',
      name: `${model.name} #${build.number} replica ${index}`,
      requester: c.actor,
      args: ['-m', 'ml_platform.model_server'],
      env: [build.env, d.env],
      platformEnv: {
        ML_MODEL_ID: model.id,
        ML_MODEL_NAME: model.name,
        ML_BUILD_ID: build.id,
        ML_DEPLOYMENT_ID: d.id,
        ML_REPLICA_INDEX: String(index),
        ML_MODEL_FILE: build.filePath,
        ML_MODEL_FUNCTION: build.functionName,
        // Where a build from the model registry keeps the version's files.
        ...(build.registeredModel
          ? { ML_MODEL_ARTIFACTS: REGISTERED_MODEL_DIR }
          : {}),
      },
      modelId: model.id,
      deploymentId: d.id,
      ports: ['model'],
      maxAttempts: REPLICA_MAX_ATTEMPTS,
      retryBackoffSeconds: REPLICA_RETRY_BACKOFF_SECONDS,
      workDir: this.deps.snapshotDir(build.id),
    });
    try {
      await this.deps.deployments.addReplica({
        deploymentId: d.id,
        index,
        workloadId: workload.id,
      });
    } catch (error) {
      await this.deps.engine.stop(workload.id, 'its replica slot was taken');
      throw error;
    }
    return workload;
  }

  /** What starting a new deployment's replicas needs; 400 naming `profile` when it is not there. */
  async newContext(request: {
    project: Project;
    model: Model;
    build: StoredModelBuild;
    profile: string;
    actor: string;
  }): Promise<ReplicaContext> {
    const { project, model, build, profile, actor } = request;
    const placement = await this.deps.launcher.place({
      project,
      runtimeId: build.runtimeId,
      profile,
    });
    return { placement, model, build, actor };
  }

  /** What starting more replicas of a deployment needs; 409 when its profile is gone. */
  async context(d: StoredDeployment, actor: string): Promise<ReplicaContext> {
    const model = await this.deps.models.get(d.modelId);
    const build = await this.deps.builds.get(d.buildId);
    if (!model || !build)
      throw new NotFoundError(`Deployment ${d.id} lost its model or build`);
    const placement = await this.deps.launcher.place({
      project: model.projectId,
      runtimeId: build.runtimeId,
      profile: d.profile,
      missingProfile: (profile, workspace) =>
        new ConflictError(
          `Resource profile '${profile}' no longer exists in workspace '${workspace}'`,
        ),
    });
    return { placement, model, build, actor };
  }

  /** Takes a replica out of service now and stops it after the drain period. */
  async retire(modelId: string, slot: ReplicaSlot, reason: string) {
    // The slot goes first: a reconcile pass that probes it now sees it gone
    // and does not mark it ready again (DeploymentReconciler.checkReplica).
    await this.deps.deployments.removeReplica(slot.deploymentId, slot.index);
    this.deps.readiness.markGone(modelId, slot.deploymentId, slot.index);
    this.retiring.add(slot.workloadId);
    const timer = setTimeout(() => {
      this.deps.engine
        .stop(slot.workloadId, reason)
        .catch(error =>
          this.deps.logger.warn(
            `Could not stop replica workload ${slot.workloadId}: ${error}`,
          ),
        )
        .finally(() => this.retiring.delete(slot.workloadId));
    }, this.deps.drainMs);
    timer.unref?.();
  }
}
