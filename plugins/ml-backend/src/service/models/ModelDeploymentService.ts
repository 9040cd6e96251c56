import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ACTIVE_STATES,
  Model,
  ModelDeployment,
  Project,
  ResourceProfile,
  TERMINAL_STATES,
  Workspace,
  createModelDeploymentSchema,
} from '@ml-platform/plugin-ml-common';
import { ComputeDriver } from '@ml-platform/plugin-ml-node';
import fs from 'node:fs/promises';
import { v4 as uuid } from 'uuid';
import { z } from 'zod';
import {
  ModelBuildStore,
  ModelDeploymentStore,
  ModelStore,
  ProfileStore,
  ReplicaSlot,
  StoredDeployment,
  StoredModelBuild,
  StoredWorkload,
  WorkloadStore,
  WorkspaceStore,
} from '../../database';
import { WorkloadEngine } from '../../engine/WorkloadEngine';
import { ProjectService } from '../ProjectService';
import { findProjectModel } from './modelLookup';
import { probeHealth } from './probeHealth';
import { ReplicaReadiness } from './ReplicaReadiness';

export type DeploymentInput = z.output<typeof createModelDeploymentSchema>;

/** The engine restarts a crashed replica this many times before its deployment notices. */
const REPLICA_MAX_ATTEMPTS = 3;
const REPLICA_RETRY_BACKOFF_SECONDS = 2;
/** A replica workload no deployment refers to is stopped once it is this old (it was not just made). */
const ORPHAN_MIN_AGE_MS = 60_000;

/**
 * Deployments: N replica workloads of a build, each serving
 * ml_platform.model_server in the build's snapshot. `reconcile` (run
 * periodically) probes replicas, marks deployments deployed or failed, and
 * switches a model's traffic to a new deployment once all of its replicas
 * are ready, stopping the old one after the drain period.
 */
export class ModelDeploymentService {
  /** Replicas taken out of service that are stopped after the drain period. */
  private readonly retiring = new Set<string>();
  private readonly changeListeners: Array<(modelId: string) => void> = [];

  constructor(
    private readonly deps: {
      models: ModelStore;
      deployments: ModelDeploymentStore;
      builds: ModelBuildStore;
      snapshotDir: (buildId: string) => string;
      projects: ProjectService;
      workspaces: WorkspaceStore;
      profiles: ProfileStore;
      workloads: WorkloadStore;
      engine: WorkloadEngine;
      driverFor: (workspace: Workspace) => ComputeDriver;
      readiness: ReplicaReadiness;
      drainMs: number;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** Called when a model's active deployment changes (the directory drops its cache). */
  onActiveChange(listener: (modelId: string) => void) {
    this.changeListeners.push(listener);
  }

  private activeChanged(modelId: string) {
    this.changeListeners.forEach(l => l(modelId));
  }

  async list(projectId: string, modelIdOrName: string): Promise<ModelDeployment[]> {
    const model = await findProjectModel(this.deps.models, projectId, modelIdOrName);
    const deployments = await this.deps.deployments.listByModel(model.id);
    return Promise.all(deployments.map(d => this.present(d)));
  }

  async get(projectId: string, modelIdOrName: string, deploymentId: string): Promise<ModelDeployment> {
    const { deployment } = await this.load(projectId, modelIdOrName, deploymentId);
    return this.present(deployment);
  }

  private async load(projectId: string, modelIdOrName: string, deploymentId: string) {
    const model = await findProjectModel(this.deps.models, projectId, modelIdOrName);
    const deployment = await this.deps.deployments.get(deploymentId);
    if (!deployment || deployment.modelId !== model.id) {
      throw new NotFoundError(`No deployment with id '${deploymentId}' of model '${model.name}'`);
    }
    return { model, deployment };
  }

  async present(d: StoredDeployment): Promise<ModelDeployment> {
    const build = await this.deps.builds.get(d.buildId);
    const slots = await this.deps.deployments.replicas(d.id);
    const replicaStatus = [];
    for (const slot of slots) {
      const w = await this.deps.workloads.get(slot.workloadId);
      replicaStatus.push({
        workloadId: slot.workloadId,
        index: slot.index,
        state: w?.state ?? 'stopped',
        reason: w?.reason,
        ready: w ? this.deps.readiness.isReady(d.id, slot.index, w.id, w.attempt) : false,
      });
    }
    const { replacedAt: _replaced, ...rest } = d;
    return { ...rest, buildNumber: build?.number ?? 0, replicaStatus };
  }

  async create(projectId: string, modelIdOrName: string, input: DeploymentInput, actor: string): Promise<ModelDeployment> {
    const project = await this.deps.projects.get(projectId);
    const model = await findProjectModel(this.deps.models, projectId, modelIdOrName);
    const build = await this.deps.builds.get(input.buildId);
    if (!build || build.modelId !== model.id) {
      throw new InputError(`buildId: no build with id '${input.buildId}' of model '${model.name}'`);
    }
    if (build.state !== 'built') {
      throw new InputError(`buildId: build #${build.number} is ${build.state}; only a built build can be deployed`);
    }
    if (!(await fs.stat(this.deps.snapshotDir(build.id)).catch(() => undefined))) {
      throw new InputError(`buildId: the files of build #${build.number} are gone; build the model again`);
    }
    const workspace = await this.deps.workspaces.get(project.workspace);
    const profile = await this.deps.profiles.get(project.workspace, input.profile);
    if (!workspace || !profile) {
      throw new InputError(`profile: no resource profile '${input.profile}' in workspace '${project.workspace}'`);
    }

    const d = await this.deps.deployments.create({
      id: uuid(),
      modelId: model.id,
      buildId: build.id,
      replicas: input.replicas,
      profile: profile.name,
      env: input.env,
      createdBy: actor,
    });
    const context = { project, workspace, model, build, profile, actor };
    try {
      await this.startReplica(context, d, 0);
    } catch (error) {
      // Refused at once (e.g. the profile fits no node): the request changes nothing.
      await this.deps.deployments.delete(d.id);
      throw error;
    }
    // Earlier deployments still on their way in are superseded by this one.
    for (const other of await this.deps.deployments.listLive(model.id)) {
      if (other.id !== d.id && other.id !== model.activeDeploymentId) {
        await this.stopDeployment(other, 'replaced by a newer deployment before it was ready');
      }
    }
    // The first deployment serves as soon as a replica is ready; later ones
    // take over once all their replicas are (reconcile).
    if (!model.activeDeploymentId && (await this.deps.models.switchActiveDeployment(model.id, undefined, d.id))) {
      this.activeChanged(model.id);
    }
    for (let index = 1; index < input.replicas; index++) {
      await this.startReplica(context, d, index);
    }
    return this.present(d);
  }

  private async startReplica(
    c: { project: Project; workspace: Workspace; model: Model; build: StoredModelBuild; profile: ResourceProfile; actor: string },
    d: StoredDeployment,
    index: number,
  ): Promise<StoredWorkload> {
    const { project, workspace, model, build, profile } = c;
    const workload = await this.deps.engine.submit({
      kind: 'model',
      name: `${model.name} #${build.number} replica ${index}`,
      project: { id: project.id, name: project.name, workspace: project.workspace, owner: project.owner },
      runtimeId: build.runtimeId,
      profile: profile.name,
      resources: { cpu: profile.cpu, memoryMiB: profile.memoryMiB, gpu: profile.gpu },
      requester: c.actor,
      args: ['-m', 'ml_platform.model_server'],
      // Precedence: workspace < project < build < deployment.
      env: {
        ...workspace.env,
        ...project.env,
        ...build.env,
        ...d.env,
        ML_PROJECT_NAME: project.name,
        ML_MODEL_ID: model.id,
        ML_MODEL_NAME: model.name,
        ML_BUILD_ID: build.id,
        ML_DEPLOYMENT_ID: d.id,
        ML_REPLICA_INDEX: String(index),
        ML_MODEL_FILE: build.filePath,
        ML_MODEL_FUNCTION: build.functionName,
      },
      ports: ['model'],
      maxAttempts: REPLICA_MAX_ATTEMPTS,
      retryBackoffSeconds: REPLICA_RETRY_BACKOFF_SECONDS,
      workDir: this.deps.snapshotDir(build.id),
    });
    try {
      await this.deps.deployments.addReplica({ deploymentId: d.id, index, workloadId: workload.id });
    } catch (error) {
      await this.deps.engine.stop(workload.id, 'its replica slot was taken');
      throw error;
    }
    return workload;
  }

  private async contextFor(d: StoredDeployment, actor: string) {
    const model = await this.deps.models.get(d.modelId);
    const build = await this.deps.builds.get(d.buildId);
    if (!model || !build) throw new NotFoundError(`Deployment ${d.id} lost its model or build`);
    const project = await this.deps.projects.get(model.projectId);
    const workspace = await this.deps.workspaces.get(project.workspace);
    const profile = await this.deps.profiles.get(project.workspace, d.profile);
    if (!workspace || !profile) {
      throw new ConflictError(`Resource profile '${d.profile}' no longer exists in workspace '${project.workspace}'`);
    }
    return { project, workspace, model, build, profile, actor };
  }

  /** Changes the number of replicas; removed replicas leave service at once and stop after the drain period. */
  async scale(
    projectId: string,
    modelIdOrName: string,
    deploymentId: string,
    replicas: number,
    actor: string,
  ): Promise<ModelDeployment> {
    const { model, deployment: d } = await this.load(projectId, modelIdOrName, deploymentId);
    if (d.state !== 'deploying' && d.state !== 'deployed') {
      throw new ConflictError(`Deployment is ${d.state}; only a running deployment can be scaled`);
    }
    const slots = await this.deps.deployments.replicas(d.id);
    await this.deps.deployments.setReplicaCount(d.id, replicas);
    if (replicas > slots.length) {
      const context = await this.contextFor(d, actor);
      const taken = new Set(slots.map(s => s.index));
      for (let index = 0; index < replicas; index++) {
        if (!taken.has(index)) await this.startReplica(context, d, index);
      }
      await this.deps.deployments.transition(d.id, ['deployed'], 'deploying', `scaling to ${replicas} replicas`);
    } else {
      for (const slot of slots.filter(s => s.index >= replicas)) {
        await this.retire(model.id, slot, 'scaled down');
      }
    }
    return this.present((await this.deps.deployments.get(d.id))!);
  }

  /** Takes a replica out of service now and stops it after the drain period. */
  private async retire(modelId: string, slot: ReplicaSlot, reason: string) {
    this.deps.readiness.markGone(modelId, slot.deploymentId, slot.index);
    await this.deps.deployments.removeReplica(slot.deploymentId, slot.index);
    this.retiring.add(slot.workloadId);
    const timer = setTimeout(() => {
      this.deps.engine
        .stop(slot.workloadId, reason)
        .catch(error => this.deps.logger.warn(`Could not stop replica workload ${slot.workloadId}: ${error}`))
        .finally(() => this.retiring.delete(slot.workloadId));
    }, this.deps.drainMs);
    timer.unref?.();
  }

  async stop(projectId: string, modelIdOrName: string, deploymentId: string): Promise<ModelDeployment> {
    const { deployment } = await this.load(projectId, modelIdOrName, deploymentId);
    if (deployment.state === 'deploying' || deployment.state === 'deployed') {
      await this.stopDeployment(deployment, 'stopped by a user');
    }
    return this.present((await this.deps.deployments.get(deploymentId))!);
  }

  /** Ends a deployment: out of service at once, then its replicas stop. */
  private async stopDeployment(d: StoredDeployment, reason: string, to: 'stopped' | 'failed' = 'stopped') {
    if (!(await this.deps.deployments.transition(d.id, ['deploying', 'deployed'], to, reason))) return;
    this.deps.readiness.markGone(d.modelId, d.id);
    if (await this.deps.models.switchActiveDeployment(d.modelId, d.id, undefined)) {
      this.activeChanged(d.modelId);
    }
    for (const slot of await this.deps.deployments.replicas(d.id)) {
      await this.deps.engine.stop(slot.workloadId, `deployment ${to}: ${reason}`);
    }
  }

  /** Stops every deployment of a model and forgets them (the model is being deleted). */
  async deleteAllOf(modelId: string): Promise<void> {
    for (const d of await this.deps.deployments.listLive(modelId)) {
      await this.stopDeployment(d, 'its model was deleted');
    }
    await this.deps.deployments.deleteByModel(modelId);
  }

  /** One pass over live deployments: readiness, traffic switch, drain, failures, orphans. */
  async reconcile(): Promise<void> {
    for (const d of await this.deps.deployments.listLive()) {
      try {
        await this.reconcileOne(d);
      } catch (error) {
        this.deps.logger.error(`Reconciling model deployment ${d.id} failed`, error as Error);
      }
    }
    await this.stopOrphans();
  }

  private async reconcileOne(d: StoredDeployment) {
    const model = await this.deps.models.get(d.modelId);
    if (!model) return;
    const isActive = model.activeDeploymentId === d.id;
    if (d.replacedAt && !isActive) {
      if (this.now() - Date.parse(d.replacedAt) >= this.deps.drainMs) {
        await this.stopDeployment(d, 'replaced by a newer deployment');
      }
      return;
    }
    const slots = (await this.deps.deployments.replicas(d.id)).filter(s => s.index < d.replicas);
    let ready = 0;
    const ended: Array<{ slot: ReplicaSlot; w: StoredWorkload }> = [];
    for (const slot of slots) {
      const w = await this.deps.workloads.get(slot.workloadId);
      if (w && (await this.checkReplica(model.id, d, slot, w))) ready += 1;
      else if (!w || TERMINAL_STATES.includes(w.state)) ended.push({ slot, w: w! });
    }
    for (const { slot, w } of ended) {
      const why = `replica ${slot.index} ${w ? `${w.state}: ${w.reason ?? 'no reason given'}` : 'lost its workload'}`;
      if (!isActive || ready === 0) {
        await this.stopDeployment(d, why, 'failed');
        return;
      }
      // Serving goes on with the other replicas while this one is replaced.
      this.deps.logger.warn(`Model ${model.name}: ${why}; starting a new replica`);
      await this.deps.deployments.removeReplica(d.id, slot.index);
      await this.startReplica(await this.contextFor(d, d.createdBy), d, slot.index);
    }
    if (ended.length > 0 || ready < d.replicas || d.state !== 'deploying') return;
    if (isActive) {
      await this.deps.deployments.transition(d.id, ['deploying'], 'deployed');
      return;
    }
    const previous = model.activeDeploymentId;
    if (await this.deps.models.switchActiveDeployment(model.id, previous, d.id)) {
      await this.deps.deployments.transition(d.id, ['deploying'], 'deployed');
      if (previous) await this.deps.deployments.markReplaced(previous);
      this.activeChanged(model.id);
      this.deps.logger.info(`Model ${model.name}: traffic moved to deployment ${d.id}`);
    }
  }

  /** Whether a replica serves; probes its health until it answers once per attempt. */
  private async checkReplica(modelId: string, d: StoredDeployment, slot: ReplicaSlot, w: StoredWorkload) {
    if (w.state !== 'running') {
      this.deps.readiness.markGone(modelId, d.id, slot.index);
      return false;
    }
    if (this.deps.readiness.isReady(d.id, slot.index, w.id, w.attempt)) return true;
    const workspace = await this.deps.workspaces.get(w.workspace);
    if (!workspace) return false;
    const endpoint = await this.deps.driverFor(workspace).endpoint({ workloadId: w.id, attempt: w.attempt }, 'model');
    if (!endpoint || !(await probeHealth(endpoint.url))) return false;
    this.deps.readiness.markReady(modelId, d.id, { workloadId: w.id, index: slot.index, url: endpoint.url, attempt: w.attempt });
    return true;
  }

  /** Replica workloads that no deployment refers to (e.g. a backend died mid-scale-down) are stopped. */
  private async stopOrphans() {
    const { items } = await this.deps.workloads.list({ kind: 'model', states: ACTIVE_STATES, limit: 1000 });
    for (const w of items) {
      if (this.retiring.has(w.id) || this.now() - Date.parse(w.createdAt) < ORPHAN_MIN_AGE_MS) continue;
      const slot = await this.deps.deployments.findReplicaByWorkload(w.id);
      const d = slot && (await this.deps.deployments.get(slot.deploymentId));
      if (!d || d.state === 'stopped' || d.state === 'failed') {
        await this.deps.engine.stop(w.id, 'its deployment no longer runs');
      }
    }
  }
}
