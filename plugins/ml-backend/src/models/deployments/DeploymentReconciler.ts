import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ACTIVE_STATES,
  Model,
  TERMINAL_STATES,
  Workspace,
} from '@ml-platform/plugin-ml-common';
import { ComputeDriver } from '@ml-platform/plugin-ml-node';
import {
  ModelDeploymentStore,
  ReplicaSlot,
  StoredDeployment,
} from './ModelDeploymentStore';
import { ModelStore } from '../ModelStore';
import { StoredWorkload, WorkloadStore, WorkspaceStore } from '../../database';
import { PlatformEvents } from '../../engine/PlatformEvents';
import { WorkloadEngine } from '../../engine/WorkloadEngine';
import { lastLogLine } from './lastLogLine';
import { ModelDeploymentService } from './ModelDeploymentService';
import { probeHealth } from './probeHealth';
import { ReplicaLauncher } from './ReplicaLauncher';
import { ReplicaReadiness } from './ReplicaReadiness';

/** A replica workload no deployment refers to is stopped once it is this old (it was not just made). */
const ORPHAN_MIN_AGE_MS = 60_000;

/**
 * The periodic pass over live deployments (level-triggered, like the
 * engine's reconciler): probes replicas until they answer their health
 * check, marks deployments deployed or failed, moves a model's traffic to a
 * new deployment once all its replicas are ready, stops the replaced one
 * after the drain period, and stops replica workloads nothing refers to.
 */
export class DeploymentReconciler {
  /** What each model's serving target looked like at the last pass. */
  private readonly signatures = new Map<string, string>();

  constructor(
    private readonly deps: {
      models: ModelStore;
      deployments: ModelDeploymentStore;
      workloads: WorkloadStore;
      workspaces: WorkspaceStore;
      engine: WorkloadEngine;
      driverFor: (workspace: Workspace) => ComputeDriver;
      readiness: ReplicaReadiness;
      launcher: ReplicaLauncher;
      service: ModelDeploymentService;
      /** Where a change of a model's active deployment is told (`modelChanged`). */
      events: PlatformEvents;
      drainMs: number;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** One pass over live deployments: readiness, traffic switch, drain, failures, orphans. */
  async reconcile(): Promise<void> {
    for (const d of await this.deps.deployments.listLive()) {
      try {
        await this.reconcileOne(d);
      } catch (error) {
        this.deps.logger.error(
          `Reconciling model deployment ${d.id} failed`,
          error as Error,
        );
      }
    }
    await this.stopOrphans();
    await this.noticeChangesElsewhere();
  }

  /**
   * Another backend may have switched a model's traffic or changed its
   * settings: listeners here hear of it within one pass, well inside the
   * drain period, rather than when their caches expire.
   */
  private async noticeChangesElsewhere() {
    const seen = new Set<string>();
    for (const model of await this.deps.models.listAll()) {
      seen.add(model.id);
      const signature = `${model.activeDeploymentId ?? ''}|${
        model.disableAuthentication
      }`;
      const before = this.signatures.get(model.id);
      this.signatures.set(model.id, signature);
      if (before !== undefined && before !== signature)
        await this.deps.events.emit('modelChanged', model.id);
    }
    for (const id of this.signatures.keys()) {
      if (!seen.has(id)) {
        this.signatures.delete(id);
        await this.deps.events.emit('modelChanged', id);
      }
    }
  }

  private async reconcileOne(d: StoredDeployment) {
    const model = await this.deps.models.get(d.modelId);
    if (!model) return;
    const isActive = model.activeDeploymentId === d.id;
    if (d.replacedAt && !isActive) {
      if (this.now() - Date.parse(d.replacedAt) >= this.deps.drainMs) {
        await this.deps.service.stopDeployment(
          d,
          'replaced by a newer deployment',
        );
      }
      return;
    }
    const slots = (await this.deps.deployments.replicas(d.id)).filter(
      s => s.index < d.replicas,
    );
    let ready = 0;
    const ended: Array<{ slot: ReplicaSlot; w: StoredWorkload | undefined }> =
      [];
    for (const slot of slots) {
      const w = await this.deps.workloads.get(slot.workloadId);
      if (w && (await this.checkReplica(model.id, d, slot, w))) ready += 1;
      else if (!w || TERMINAL_STATES.includes(w.state)) ended.push({ slot, w });
    }
    if (ended.length > 0) {
      await this.replicasEnded(model, d, ended, isActive, ready);
      return;
    }
    if (ready < d.replicas || d.state !== 'deploying') return;
    if (isActive) {
      await this.deps.deployments.transition(d.id, ['deploying'], 'deployed');
      return;
    }
    const previous = model.activeDeploymentId;
    if (
      await this.deps.models.switchActiveDeployment(model.id, previous, d.id)
    ) {
      await this.deps.deployments.transition(d.id, ['deploying'], 'deployed');
      if (previous) await this.deps.deployments.markReplaced(previous);
      await this.deps.events.emit('modelChanged', model.id);
      this.deps.logger.info(
        `Model ${model.name}: traffic moved to deployment ${d.id}`,
      );
    }
  }

  /**
   * Replicas that ended for good (the engine's retries are used up). A
   * deployment that never served fails. One that serves goes on with the
   * replicas it has: a lost replica is replaced once; if a replacement or a
   * scale-up fails too, the deployment keeps the replicas that run.
   */
  private async replicasEnded(
    model: Model,
    d: StoredDeployment,
    ended: Array<{ slot: ReplicaSlot; w: StoredWorkload | undefined }>,
    isActive: boolean,
    ready: number,
  ) {
    const reasons: string[] = [];
    for (const { slot, w } of ended) {
      const why = w
        ? (w.state === 'failed' && (await lastLogLine(this.deps, w))) ||
          w.reason
        : undefined;
      reasons.push(
        `replica ${slot.index} ${
          w ? `${w.state}: ${why ?? 'no reason given'}` : 'lost its workload'
        }`,
      );
    }
    const reason = reasons.join('; ');
    if (!isActive || !d.deployedAt || ready === 0) {
      await this.deps.service.stopDeployment(d, reason, 'failed');
      return;
    }
    if (d.state === 'deployed') {
      this.deps.logger.warn(
        `Model ${model.name}: ${reason}; starting new replicas`,
      );
      const context = await this.deps.launcher.context(d, d.createdBy);
      for (const { slot } of ended) {
        await this.deps.deployments.removeReplica(d.id, slot.index);
        await this.deps.launcher.start(context, d, slot.index);
      }
      await this.deps.deployments.transition(
        d.id,
        ['deployed'],
        'deploying',
        `replacing ${reason}`,
      );
      return;
    }
    for (const { slot } of ended)
      await this.deps.deployments.removeReplica(d.id, slot.index);
    const remaining = (await this.deps.deployments.replicas(d.id)).length;
    await this.deps.deployments.setReplicaCount(d.id, remaining);
    if (ready >= remaining) {
      await this.deps.deployments.transition(
        d.id,
        ['deploying'],
        'deployed',
        `${reason}; serving with ${remaining} replicas`,
      );
    }
  }

  /** Whether a replica serves; probes its health until it answers once per attempt. */
  private async checkReplica(
    modelId: string,
    d: StoredDeployment,
    slot: ReplicaSlot,
    w: StoredWorkload,
  ) {
    if (w.state !== 'running') {
      this.deps.readiness.markGone(modelId, d.id, slot.index);
      return false;
    }
    if (this.deps.readiness.isReady(d.id, slot.index, w.id, w.attempt))
      return true;
    const workspace = await this.deps.workspaces.get(w.workspace);
    if (!workspace) return false;
    const endpoint = await this.deps
      .driverFor(workspace)
      .endpoint({ workloadId: w.id, attempt: w.attempt }, 'model');
    if (!endpoint || !(await probeHealth(endpoint.url))) return false;
    // A scale-down may have retired the slot while this pass probed it (the
    // replica keeps running while it drains): it must not serve again.
    const slots = await this.deps.deployments.replicas(d.id);
    if (!slots.some(s => s.index === slot.index && s.workloadId === w.id)) {
      return false;
    }
    this.deps.readiness.markReady(modelId, d.id, {
      workloadId: w.id,
      index: slot.index,
      url: endpoint.url,
      attempt: w.attempt,
    });
    return true;
  }

  /** Replica workloads that no deployment refers to (e.g. a backend died mid-scale-down) are stopped. */
  private async stopOrphans() {
    const { items } = await this.deps.workloads.list({
      kind: 'model',
      states: ACTIVE_STATES,
      limit: 1000,
    });
    for (const w of items) {
      if (
        this.deps.launcher.isRetiring(w.id) ||
        this.now() - Date.parse(w.createdAt) < ORPHAN_MIN_AGE_MS
      )
        continue;
      const slot = await this.deps.deployments.findReplicaByWorkload(w.id);
      const d = slot && (await this.deps.deployments.get(slot.deploymentId));
      if (!d || d.state === 'stopped' || d.state === 'failed') {
        await this.deps.engine.stop(w.id, 'its deployment no longer runs');
      }
    }
  }
}
