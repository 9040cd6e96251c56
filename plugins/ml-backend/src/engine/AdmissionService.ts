import { Workspace } from '@ml-platform/plugin-ml-common';
import { v4 as uuid } from 'uuid';
import { QueueStore, StoredWorkload } from '../database';
import { NodeRow } from '../database/QueueStore';
import { NodeSlot, admit } from './admission';
import { subjectLimit } from './subjectLimit';

function iso(ms: number) {
  return new Date(ms).toISOString();
}

/**
 * Runs admission for one workspace inside one transaction: reads the queue,
 * usage, quotas and nodes, decides with `admit`, and moves admitted work to
 * `starting` (which is what reserves its resources) before committing.
 */
export class AdmissionService {
  constructor(
    private readonly deps: {
      queue: QueueStore;
      starvationMs: number;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now ? this.deps.now() : Date.now();
  }

  /** Makes sure each node group has its minimum number of nodes. */
  async ensureMinimumNodes(
    tx: any,
    workspace: Workspace,
    nodes: NodeRow[],
    nowMs: number,
  ): Promise<NodeRow[]> {
    const created: NodeRow[] = [];
    // The pass's own clock: a node made now is ready in this very pass.
    const now = iso(nowMs);
    for (const group of workspace.nodeGroups) {
      const have = nodes.filter(n => n.node_group === group.name).length;
      for (let i = have; i < group.minNodes; i++) {
        const node = {
          id: uuid(),
          workspace: workspace.name,
          node_group: group.name,
          created_at: now,
          ready_at: now,
          idle_since: null,
        };
        await this.deps.queue.insertNode(tx, node);
        created.push(node);
      }
    }
    return [...nodes, ...created];
  }

  /** Returns the workloads it admitted; the caller starts them. */
  async pass(workspace: Workspace): Promise<StoredWorkload[]> {
    const { queue } = this.deps;
    return queue.transaction(async tx => {
      if (!(await queue.lockWorkspace(tx, workspace.name))) return [];
      const nowMs = this.now();
      const queued = await queue.queued(tx, workspace.name, iso(nowMs));
      if (queued.length === 0) return [];

      const nodes = await this.ensureMinimumNodes(
        tx,
        workspace,
        await queue.nodes(tx, workspace.name),
        nowMs,
      );
      const allocations = await queue.allocationsByNode(tx, workspace.name);
      const groups = new Map(workspace.nodeGroups.map(g => [g.name, g]));
      const slots: NodeSlot[] = nodes.flatMap(n => {
        const group = groups.get(n.node_group);
        if (!group) return [];
        const readyAtMs = Date.parse(n.ready_at);
        return [
          {
            id: n.id,
            group: n.node_group,
            capacity: {
              cpu: group.cpu,
              memoryMiB: group.memoryMiB,
              gpu: group.gpu,
            },
            allocated: allocations.get(n.id) ?? {
              cpu: 0,
              memoryMiB: 0,
              gpu: 0,
            },
            readyAtMs: readyAtMs > nowMs ? readyAtMs : undefined,
          },
        ];
      });

      const quotas = await queue.quotas(tx, workspace.name);
      const result = admit({
        nowMs,
        queued: queued.map(w => ({
          id: w.id,
          subject: w.subject,
          request: w.request,
          queuedAtMs: Date.parse(w.queuedAt),
        })),
        usageBySubject: await queue.usageBySubject(tx, workspace.name),
        limitFor: subject =>
          subjectLimit(subject, quotas.get(subject), workspace),
        nodes: slots,
        groups: workspace.nodeGroups,
        starvationMs: this.deps.starvationMs,
      });

      for (const node of result.newNodes) {
        await queue.insertNode(tx, {
          id: uuid(),
          workspace: workspace.name,
          node_group: node.group,
          created_at: iso(nowMs),
          ready_at: iso(node.readyAtMs),
          idle_since: null,
        });
      }
      const byId = new Map(queued.map(w => [w.id, w]));
      const admissions: Array<{ id: string; attempt: number; nodeId: string }> =
        [];
      const reasons: Array<{ id: string; reason: string }> = [];
      for (const decision of result.decisions) {
        const w = byId.get(decision.workloadId)!;
        if (decision.kind === 'admit') {
          admissions.push({
            id: w.id,
            attempt: w.attempt,
            nodeId: decision.nodeId,
          });
        } else if (w.reason !== decision.reason) {
          reasons.push({ id: w.id, reason: decision.reason });
        }
      }
      const moved = await queue.admitBatch(tx, admissions);
      await queue.setReasons(tx, reasons);
      return queue.getMany(tx, moved);
    });
  }
}
