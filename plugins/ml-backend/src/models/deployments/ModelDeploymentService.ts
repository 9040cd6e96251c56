import { ConflictError, InputError } from '@backstage/errors';
import { EnvVars, ModelDeployment } from '@ml-platform/plugin-ml-common';
import { DeploymentInput } from '../../apiInputs';
import fs from 'node:fs/promises';
import { v4 as uuid } from 'uuid';
import { StoredDeployment } from './ModelDeploymentStore';
import { WorkloadStore } from '../../database';
import { PlatformEvents } from '../../engine/PlatformEvents';
import { WorkloadEngine } from '../../engine/WorkloadEngine';
import { EnvSecrets } from '../../secrets/EnvSecrets';
import { ProjectService } from '../../projects/ProjectService';
import {
  findModelPart,
  findProjectAndModel,
  findProjectModel,
} from '../modelLookup';
import { DeploymentSources, ReplicaLauncher } from './ReplicaLauncher';
import { ReplicaReadiness } from './ReplicaReadiness';

/** A deployment as the routes name it: its project, its model (id or name), its id. */
type DeploymentPath = [
  projectId: string,
  modelIdOrName: string,
  deploymentId: string,
];

/**
 * Deployments of models: N replica workloads of a build. Create, scale and
 * stop here; DeploymentReconciler moves them to deployed or failed and
 * switches traffic between them.
 */
export class ModelDeploymentService {
  constructor(
    private readonly deps: DeploymentSources & {
      projects: ProjectService;
      workloads: WorkloadStore;
      engine: WorkloadEngine;
      /** Seals the secrets of a deployment's env before they are stored. */
      secrets: Pick<EnvSecrets, 'seal'>;
      readiness: ReplicaReadiness;
      launcher: ReplicaLauncher;
      /** Where a change of a model's active deployment is told (`modelChanged`). */
      events: PlatformEvents;
    },
  ) {}

  async list(
    projectId: string,
    modelIdOrName: string,
  ): Promise<ModelDeployment[]> {
    const model = await findProjectModel(
      this.deps.models,
      projectId,
      modelIdOrName,
    );
    const deployments = await this.deps.deployments.listByModel(model.id);
    return Promise.all(deployments.map(d => this.present(d)));
  }

  async get(...path: DeploymentPath): Promise<ModelDeployment> {
    const { deployment } = await this.load(...path);
    return this.present(deployment);
  }

  private async load(
    ...[projectId, modelIdOrName, deploymentId]: DeploymentPath
  ) {
    const { model, found } = await findModelPart(
      this.deps.models,
      projectId,
      modelIdOrName,
      {
        kind: 'deployment',
        id: deploymentId,
        get: id => this.deps.deployments.get(id),
      },
    );
    return { model, deployment: found };
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
        ready: w
          ? this.deps.readiness.isReady(d.id, slot.index, w.id, w.attempt)
          : false,
      });
    }
    const { replacedAt: _replaced, ...rest } = d;
    return { ...rest, buildNumber: build?.number ?? 0, replicaStatus };
  }

  async create(
    projectId: string,
    modelIdOrName: string,
    input: DeploymentInput,
    actor: string,
    /**
     * The env `{ secret: true }` entries of `input.env` keep their secret
     * from (a promotion carries the active deployment's env over).
     */
    previousEnv?: EnvVars,
  ): Promise<ModelDeployment> {
    const { project, model } = await findProjectAndModel(
      this.deps,
      projectId,
      modelIdOrName,
    );
    const build = await this.deps.builds.get(input.buildId);
    if (!build || build.modelId !== model.id) {
      throw new InputError(
        `buildId: no build with id '${input.buildId}' of model '${model.name}'`,
      );
    }
    if (build.state !== 'built') {
      throw new InputError(
        `buildId: build #${build.number} is ${build.state}; only a built build can be deployed`,
      );
    }
    if (
      !(await fs.stat(this.deps.snapshotDir(build.id)).catch(() => undefined))
    ) {
      throw new InputError(
        `buildId: the files of build #${build.number} are gone; build the model again`,
      );
    }
    const context = await this.deps.launcher.newContext({
      project,
      model,
      build,
      profile: input.profile,
      actor,
    });

    const env = await this.deps.secrets.seal(input.env, previousEnv);
    const d = await this.deps.deployments.create({
      id: uuid(),
      modelId: model.id,
      buildId: build.id,
      replicas: input.replicas,
      profile: context.placement.profile.name,
      env,
      createdBy: actor,
    });
    try {
      await this.deps.launcher.start(context, d, 0);
    } catch (error) {
      // Refused at once (e.g. the profile fits no node): the request changes nothing.
      await this.deps.deployments.delete(d.id);
      throw error;
    }
    // Earlier deployments still on their way in are superseded by this one.
    for (const other of await this.deps.deployments.listLive(model.id)) {
      if (other.id !== d.id && other.id !== model.activeDeploymentId) {
        await this.stopDeployment(
          other,
          'replaced by a newer deployment before it was ready',
        );
      }
    }
    // The first deployment serves as soon as a replica is ready; later ones
    // take over once all their replicas are (reconcile).
    if (
      !model.activeDeploymentId &&
      (await this.deps.models.switchActiveDeployment(model.id, undefined, d.id))
    ) {
      await this.deps.events.emit('modelChanged', model.id);
    }
    for (let index = 1; index < input.replicas; index++) {
      await this.deps.launcher.start(context, d, index);
    }
    return this.present(d);
  }

  /** Changes the number of replicas; removed replicas leave service at once and stop after the drain period. */
  async scale(
    projectId: string,
    modelIdOrName: string,
    deploymentId: string,
    replicas: number,
    actor: string,
  ): Promise<ModelDeployment> {
    const { model, deployment: d } = await this.load(
      projectId,
      modelIdOrName,
      deploymentId,
    );
    if (d.state !== 'deploying' && d.state !== 'deployed') {
      throw new ConflictError(
        `Deployment is ${d.state}; only a running deployment can be scaled`,
      );
    }
    const slots = await this.deps.deployments.replicas(d.id);
    await this.deps.deployments.setReplicaCount(d.id, replicas);
    if (replicas > slots.length) {
      const context = await this.deps.launcher.context(d, actor);
      const taken = new Set(slots.map(s => s.index));
      for (let index = 0; index < replicas; index++) {
        if (!taken.has(index))
          await this.deps.launcher.start(context, d, index);
      }
      await this.deps.deployments.transition(
        d.id,
        ['deployed'],
        'deploying',
        `scaling to ${replicas} replicas`,
      );
    } else {
      for (const slot of slots.filter(s => s.index >= replicas)) {
        await this.deps.launcher.retire(model.id, slot, 'scaled down');
      }
    }
    return this.present((await this.deps.deployments.get(d.id))!);
  }

  async stop(...path: DeploymentPath): Promise<ModelDeployment> {
    const { deployment } = await this.load(...path);
    if (deployment.state === 'deploying' || deployment.state === 'deployed') {
      await this.stopDeployment(deployment, 'stopped by a user');
    }
    return this.present((await this.deps.deployments.get(deployment.id))!);
  }

  /** Ends a deployment: out of service at once, then its replicas stop. */
  async stopDeployment(
    d: StoredDeployment,
    reason: string,
    to: 'stopped' | 'failed' = 'stopped',
  ) {
    if (
      !(await this.deps.deployments.transition(
        d.id,
        ['deploying', 'deployed'],
        to,
        reason,
      ))
    )
      return;
    this.deps.readiness.markGone(d.modelId, d.id);
    if (
      await this.deps.models.switchActiveDeployment(d.modelId, d.id, undefined)
    ) {
      await this.deps.events.emit('modelChanged', d.modelId);
    }
    for (const slot of await this.deps.deployments.replicas(d.id)) {
      await this.deps.engine.stop(
        slot.workloadId,
        `deployment ${to}: ${reason}`,
      );
    }
  }

  /** Stops every deployment of a model and forgets them (the model is being deleted). */
  async deleteAllOf(modelId: string): Promise<void> {
    for (const d of await this.deps.deployments.listLive(modelId)) {
      await this.stopDeployment(d, 'its model was deleted');
    }
    await this.deps.deployments.deleteByModel(modelId);
  }
}
