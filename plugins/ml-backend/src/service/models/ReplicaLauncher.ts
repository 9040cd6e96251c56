import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Model,
  Project,
  ResourceProfile,
  Workspace,
} from '@ml-platform/plugin-ml-common';
import {
  ModelBuildStore,
  ModelDeploymentStore,
  ModelStore,
  ProfileStore,
  ReplicaSlot,
  StoredDeployment,
  StoredModelBuild,
  StoredWorkload,
  WorkspaceStore,
} from '../../database';
import { mergeEnvLayers } from '../../engine/envLayers';
import { WorkloadEngine } from '../../engine/WorkloadEngine';
import { ProjectService } from '../ProjectService';
import { ReplicaReadiness } from './ReplicaReadiness';

/** The engine restarts a crashed replica this many times before its deployment notices. */
const REPLICA_MAX_ATTEMPTS = 3;
const REPLICA_RETRY_BACKOFF_SECONDS = 2;

export interface ReplicaContext {
  project: Project;
  workspace: Workspace;
  model: Model;
  build: StoredModelBuild;
  profile: ResourceProfile;
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
    private readonly deps: {
      models: ModelStore;
      deployments: ModelDeploymentStore;
      builds: ModelBuildStore;
      snapshotDir: (buildId: string) => string;
      projects: ProjectService;
      workspaces: WorkspaceStore;
      profiles: ProfileStore;
      engine: WorkloadEngine;
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
    const { project, workspace, model, build, profile } = c;
    const workload = await this.deps.engine.submit({
      kind: 'model',
      name: `${model.name} #${build.number} replica ${index}`,
      project: {
        id: project.id,
        name: project.name,
        workspace: project.workspace,
        owner: project.owner,
      },
      runtimeId: build.runtimeId,
      profile: profile.name,
      resources: {
        cpu: profile.cpu,
        memoryMiB: profile.memoryMiB,
        gpu: profile.gpu,
      },
      requester: c.actor,
      args: ['-m', 'ml_platform.model_server'],
      // Precedence: workspace < project < build < deployment.
      ...mergeEnvLayers([workspace.env, project.env, build.env, d.env], {
        ML_PROJECT_NAME: project.name,
        ML_MODEL_ID: model.id,
        ML_MODEL_NAME: model.name,
        ML_BUILD_ID: build.id,
        ML_DEPLOYMENT_ID: d.id,
        ML_REPLICA_INDEX: String(index),
        ML_MODEL_FILE: build.filePath,
        ML_MODEL_FUNCTION: build.functionName,
      }),
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

  /** What starting more replicas of a deployment needs; 409 when its profile is gone. */
  async context(d: StoredDeployment, actor: string): Promise<ReplicaContext> {
    const model = await this.deps.models.get(d.modelId);
    const build = await this.deps.builds.get(d.buildId);
    if (!model || !build)
      throw new NotFoundError(`Deployment ${d.id} lost its model or build`);
    const project = await this.deps.projects.get(model.projectId);
    const workspace = await this.deps.workspaces.get(project.workspace);
    const profile = await this.deps.profiles.get(project.workspace, d.profile);
    if (!workspace || !profile) {
      throw new ConflictError(
        `Resource profile '${d.profile}' no longer exists in workspace '${project.workspace}'`,
      );
    }
    return { project, workspace, model, build, profile, actor };
  }

  /** Takes a replica out of service now and stops it after the drain period. */
  async retire(modelId: string, slot: ReplicaSlot, reason: string) {
    this.deps.readiness.markGone(modelId, slot.deploymentId, slot.index);
    await this.deps.deployments.removeReplica(slot.deploymentId, slot.index);
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
