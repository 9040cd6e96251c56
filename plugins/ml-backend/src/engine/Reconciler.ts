import { LoggerService } from '@backstage/backend-plugin-api';
import { Workspace } from '@ml-platform/plugin-ml-common';
import { ComputeDriver, ObservedWorkload } from '@ml-platform/plugin-ml-node';
import {
  QueueStore,
  StoredWorkload,
  WorkloadStore,
  WorkspaceStore,
} from '../database';
import { retryDelaySeconds } from './backoff';
import { WorkloadEngine } from './WorkloadEngine';

export interface ReconcilerOptions {
  /** Longest retry backoff, in seconds. */
  maxBackoffSeconds: number;
  /** How long an empty node above its group's minimum lives on. */
  nodeIdleMs: number;
  /** How long `starting` may go unobserved before the driver is asked again. */
  startGraceMs: number;
}

const LOST_REASON = 'lost when the backend restarted';

const key = (id: string, attempt: number) => `${id}#${attempt}`;

/**
 * The level-triggered loop: compares what drivers observe with what the
 * database expects and moves states, enforces timeouts, retries with capped
 * exponential backoff, ages simulated nodes and runs admission. Safe to run on
 * several backends at once: every move is a compare-and-set.
 */
export class Reconciler {
  constructor(
    private readonly deps: {
      engine: WorkloadEngine;
      workloads: WorkloadStore;
      workspaces: WorkspaceStore;
      queue: QueueStore;
      drivers: () => ComputeDriver[];
      driverFor: (workspace: Workspace) => ComputeDriver;
      logger: LoggerService;
      options: ReconcilerOptions;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now ? this.deps.now() : Date.now();
  }

  async reconcile(): Promise<void> {
    const observed = new Map<string, ObservedWorkload>();
    const observedBy = new Map<string, ComputeDriver>();
    for (const driver of this.deps.drivers()) {
      for (const o of await driver.observe()) {
        observed.set(key(o.workloadId, o.attempt), o);
        observedBy.set(key(o.workloadId, o.attempt), driver);
      }
    }
    const workspaces = new Map(
      (await this.deps.workspaces.listAll()).map(w => [w.name, w]),
    );
    // What the driver of an unavailable workspace observes may be stale or
    // missing: acting on it would fail running work as lost. Leave it be.
    for (const ws of [...workspaces.values()]) {
      if (!(await this.isAvailable(ws))) workspaces.delete(ws.name);
    }
    const active = await this.deps.workloads.listByStates([
      'starting',
      'running',
    ]);
    const expected = new Set<string>();
    for (const w of active) {
      expected.add(key(w.id, w.attempt));
      const ws = workspaces.get(w.workspace);
      if (!ws) continue;
      try {
        await this.reconcileOne(w, ws, observed.get(key(w.id, w.attempt)));
      } catch (error) {
        this.deps.logger.error(
          `Reconciling workload ${w.id} failed`,
          error as Error,
        );
      }
    }
    // What drivers still remember but no active workload expects has ended:
    // free it (and stop it, in case it outlived a stop that raced a restart).
    for (const [k, o] of observed) {
      if (expected.has(k)) continue;
      const driver = observedBy.get(k)!;
      // Active work was listed after observing, so anything observed but not
      // expected has ended in the database.
      if (o.phase === 'running' || o.phase === 'pending') {
        await driver.stop(o);
      }
      await driver.forget(o);
    }
    for (const ws of workspaces.values()) {
      await this.ageNodes(ws);
      await this.deps.engine.admit(ws);
    }
  }

  private async isAvailable(ws: Workspace): Promise<boolean> {
    try {
      const status = await this.deps.driverFor(ws).status?.(ws.name);
      return status?.available ?? true;
    } catch {
      // A driver that is not installed: the usual paths report that.
      return true;
    }
  }

  private async reconcileOne(
    current: StoredWorkload,
    ws: Workspace,
    o: ObservedWorkload | undefined,
  ) {
    let w = current;
    const { workloads } = this.deps;
    const nowIso = new Date(this.now()).toISOString();
    const guard = { from: [w.state], attempt: w.attempt } as const;

    if (!o) {
      if (w.state === 'starting') {
        // Admitted but not (yet) known to the driver: the backend may have
        // died between admission and start. Starting is idempotent.
        if (
          this.now() - Date.parse(w.updatedAt) >
          this.deps.options.startGraceMs
        ) {
          await this.deps.engine.start(w, ws);
        }
        return;
      }
      await this.endAttempt(w, 'failed', LOST_REASON, undefined);
      return;
    }
    if (
      w.state === 'starting' &&
      (o.phase === 'succeeded' || o.phase === 'failed')
    ) {
      // It ran and ended between two observations: its history still says so.
      await workloads.transition(w.id, guard, 'running', {
        reason: 'running',
        started_at: nowIso,
      });
      w = { ...w, state: 'running', startedAt: nowIso };
    }
    switch (o.phase) {
      case 'pending':
        return;
      case 'running': {
        if (w.state === 'starting') {
          await workloads.transition(w.id, guard, 'running', {
            reason: 'running',
            started_at: nowIso,
            last_activity_at: nowIso,
          });
          return;
        }
        const started = w.startedAt ?? w.updatedAt;
        if (this.isPast(started, w.timeoutSeconds)) {
          await this.deps.driverFor(ws).stop(o);
          await this.endAttempt(
            w,
            'timed_out',
            `ran longer than its timeout of ${w.timeoutSeconds} s`,
            undefined,
          );
          return;
        }
        const idleSeconds = w.idleTimeoutSeconds ?? 0;
        if (this.isPast(w.lastActivityAt ?? started, idleSeconds)) {
          await this.deps.driverFor(ws).stop(o);
          await this.endAttempt(
            w,
            'stopped',
            `idle for more than ${Math.round(idleSeconds / 60)} min`,
            undefined,
          );
        }
        return;
      }
      case 'succeeded':
        await this.endAttempt(w, 'succeeded', 'exited with code 0', 0);
        await this.deps.driverFor(ws).forget(o);
        return;
      case 'failed':
        await this.endAttempt(w, 'failed', o.reason ?? 'failed', o.exitCode);
        await this.deps.driverFor(ws).forget(o);
        return;
      default:
        return;
    }
  }

  /**
   * Ends the current attempt. Failures with attempts left go back to the
   * queue after a backoff, in the same transaction, so the failure and the
   * retry are both in the history but nothing sees a final failure.
   */
  /** Whether a limit of `seconds` (none when unset) since `sinceIso` is over. */
  private isPast(sinceIso: string, seconds: number | undefined): boolean {
    return !!seconds && this.now() - Date.parse(sinceIso) > seconds * 1000;
  }

  private async endAttempt(
    w: StoredWorkload,
    to: 'succeeded' | 'failed' | 'timed_out' | 'stopped',
    reason: string,
    exitCode: number | undefined,
  ) {
    const { workloads } = this.deps;
    const nowMs = this.now();
    const nowIso = new Date(nowMs).toISOString();
    const retry = to === 'failed' && w.attempt < w.maxAttempts;
    const moved = await workloads.transition(
      w.id,
      { from: [w.state], attempt: w.attempt },
      to,
      { reason, exit_code: exitCode ?? null, ended_at: nowIso },
    );
    if (!moved) return;
    if (retry) {
      const delay = retryDelaySeconds(
        w.retryBackoffSeconds,
        w.attempt + 1,
        this.deps.options.maxBackoffSeconds,
      );
      await workloads.transition(
        w.id,
        { from: ['failed'], attempt: w.attempt },
        'queued',
        {
          attempt: w.attempt + 1,
          reason: `attempt ${w.attempt} ${reason}; retrying in ${delay} s`,
          retry_at: new Date(nowMs + delay * 1000).toISOString(),
          node_id: null,
          exit_code: null,
          started_at: null,
          ended_at: null,
          queued_at: nowIso,
        },
      );
      return;
    }
    await this.deps.engine.notifyEnded({
      ...w,
      state: to,
      reason,
      exitCode,
      endedAt: nowIso,
    });
  }

  /** Marks empty nodes idle and removes those idle too long above the minimum. */
  private async ageNodes(ws: Workspace) {
    const { queue } = this.deps;
    const nodes = await queue.nodes(undefined, ws.name);
    const allocations = await queue.transaction(tx =>
      queue.allocationsByNode(tx, ws.name),
    );
    const nowMs = this.now();
    const counts = new Map<string, number>();
    for (const n of nodes)
      counts.set(n.node_group, (counts.get(n.node_group) ?? 0) + 1);
    for (const node of nodes) {
      const group = ws.nodeGroups.find(g => g.name === node.node_group);
      const busy = allocations.has(node.id);
      if (busy || Date.parse(node.ready_at) > nowMs) {
        if (node.idle_since) await queue.setNodeIdle(node.id, null);
        continue;
      }
      if (!node.idle_since) {
        await queue.setNodeIdle(node.id, new Date(nowMs).toISOString());
        continue;
      }
      const minimum = group?.minNodes ?? 0;
      const idleLongEnough =
        nowMs - Date.parse(node.idle_since) > this.deps.options.nodeIdleMs;
      if (idleLongEnough && (counts.get(node.node_group) ?? 0) > minimum) {
        if (await queue.deleteIdleNode(node.id)) {
          counts.set(node.node_group, counts.get(node.node_group)! - 1);
        }
      }
    }
  }
}
