import { Knex } from 'knex';
import { ResourceLimits } from '@ml-platform/plugin-ml-common';
import { nowIso } from './listing';
import { ResourceColumns, fromResourceColumns } from './resourceColumns';
import { StoredWorkload, WorkloadRow, toWorkload } from './WorkloadStore';

export interface NodeRow {
  id: string;
  workspace: string;
  node_group: string;
  created_at: string;
  ready_at: string;
  idle_since: string | null;
}

const HOLDING_STATES = ['starting', 'running'];
/** Rows per statement: well under SQLite's bound-variable limit. */
const CHUNK = 500;

/** A queued workload as admission sees it. */
export interface QueuedRow {
  id: string;
  attempt: number;
  subject: string;
  request: ResourceLimits;
  queuedAt: string;
  reason?: string;
}

function sumRows(rows: Array<ResourceColumns>): ResourceLimits {
  return rows.reduce<ResourceLimits>(
    (acc, r) => {
      const v = fromResourceColumns({
        cpu_millis: Number(r.cpu_millis),
        memory_mib: Number(r.memory_mib),
        gpu: Number(r.gpu),
      });
      return {
        cpu: acc.cpu + v.cpu,
        memoryMiB: acc.memoryMiB + v.memoryMiB,
        gpu: acc.gpu + v.gpu,
      };
    },
    { cpu: 0, memoryMiB: 0, gpu: 0 },
  );
}

/**
 * What the holding workloads of a workspace hold, summed per value of
 * `column`; work without one (not yet placed on a node) is left out.
 */
async function holdingBy(
  tx: Knex,
  workspace: string,
  column: 'charged_subject' | 'node_id',
): Promise<Map<string, ResourceLimits>> {
  const rows = await tx('workloads')
    .where({ workspace })
    .whereIn('state', HOLDING_STATES)
    .whereNotNull(column)
    .groupBy(column)
    .select(column)
    .sum({ cpu_millis: 'cpu_millis', memory_mib: 'memory_mib', gpu: 'gpu' });
  return new Map((rows as any[]).map(r => [r[column] as string, sumRows([r])]));
}

/**
 * What admission reads and writes inside its transaction: the queue, what
 * starting and running work holds (per subject and per node), and the
 * workspace's (simulated) nodes.
 */
export class QueueStore {
  constructor(private readonly db: Knex) {}

  transaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /**
   * Serialises admission per workspace across backends. Postgres takes a row
   * lock until commit; SQLite has one writer anyway.
   */
  async lockWorkspace(tx: Knex, workspace: string): Promise<boolean> {
    const query = tx('workspaces').where({ name: workspace }).select('name');
    const row =
      tx.client.config.client === 'pg'
        ? await query.forUpdate().first()
        : await query.first();
    return Boolean(row);
  }

  async workspacesWithQueuedWork(): Promise<string[]> {
    const rows = await this.db('workloads')
      .where({ state: 'queued' })
      .distinct('workspace');
    return rows.map(r => r.workspace);
  }

  /**
   * Queued work whose retry backoff (if any) has passed by `now`, with only
   * what admission decides on: a pass reads the whole queue, so it stays lean.
   */
  async queued(
    tx: Knex,
    workspace: string,
    now: string = nowIso(),
  ): Promise<QueuedRow[]> {
    const rows = await tx('workloads')
      .where({ workspace, state: 'queued' })
      .where(q => q.whereNull('retry_at').orWhere('retry_at', '<=', now))
      .orderBy('priority', 'desc')
      .orderBy('queued_at', 'asc')
      .orderBy('id', 'asc')
      .select(
        'id',
        'attempt',
        'charged_subject',
        'cpu_millis',
        'memory_mib',
        'gpu',
        'queued_at',
        'reason',
      );
    return rows.map(r => ({
      id: r.id,
      attempt: r.attempt,
      subject: r.charged_subject,
      request: fromResourceColumns(r),
      queuedAt: r.queued_at,
      reason: r.reason ?? undefined,
    }));
  }

  async getMany(tx: Knex, ids: string[]): Promise<StoredWorkload[]> {
    const out: StoredWorkload[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await tx<WorkloadRow>('workloads').whereIn(
        'id',
        ids.slice(i, i + CHUNK),
      );
      out.push(...rows.map(toWorkload));
    }
    return out;
  }

  /**
   * Moves admitted work from queued to starting on its node, with one event
   * each, in a few statements. Returns the ids it moved: a row that left
   * `queued` meanwhile (a stop) is skipped.
   */
  async admitBatch(
    tx: Knex,
    admissions: Array<{ id: string; attempt: number; nodeId: string }>,
  ): Promise<string[]> {
    const now = nowIso();
    const moved: string[] = [];
    const byNode = new Map<string, typeof admissions>();
    for (const a of admissions)
      byNode.set(a.nodeId, [...(byNode.get(a.nodeId) ?? []), a]);
    for (const [nodeId, group] of byNode) {
      for (let i = 0; i < group.length; i += CHUNK) {
        const chunk = group.slice(i, i + CHUNK);
        const ids = chunk.map(a => a.id);
        const updated = await tx('workloads')
          .whereIn('id', ids)
          .where({ state: 'queued' })
          .update({
            state: 'starting',
            node_id: nodeId,
            reason: 'admitted',
            retry_at: null,
            updated_at: now,
          });
        if (updated === ids.length) {
          moved.push(...ids);
        } else {
          // Someone moved a few of them first: find out which ones we did.
          const ours = await tx('workloads')
            .whereIn('id', ids)
            .where({ state: 'starting', node_id: nodeId, updated_at: now })
            .select('id');
          moved.push(...ours.map(r => r.id as string));
        }
      }
    }
    const attempts = new Map(admissions.map(a => [a.id, a.attempt]));
    await tx.batchInsert(
      'workload_events',
      moved.map(id => ({
        workload_id: id,
        attempt: attempts.get(id)!,
        at: now,
        from_state: 'queued',
        to_state: 'starting',
        reason: 'admitted',
      })),
      CHUNK,
    );
    return moved;
  }

  /**
   * Sets why queued work waits. Reasons carry live numbers, so many change
   * each pass: a CASE per chunk writes hundreds of rows in one statement.
   */
  async setReasons(
    tx: Knex,
    reasons: Array<{ id: string; reason: string }>,
  ): Promise<void> {
    const size = 250;
    for (let i = 0; i < reasons.length; i += size) {
      const chunk = reasons.slice(i, i + size);
      const cases = chunk.map(() => 'WHEN ? THEN ?').join(' ');
      const bindings = chunk.flatMap(r => [r.id, r.reason]);
      await tx('workloads')
        .whereIn(
          'id',
          chunk.map(r => r.id),
        )
        .where({ state: 'queued' })
        .update({ reason: tx.raw(`CASE id ${cases} END`, bindings) });
    }
  }

  async usageBySubject(
    tx: Knex,
    workspace: string,
  ): Promise<Map<string, ResourceLimits>> {
    return holdingBy(tx, workspace, 'charged_subject');
  }

  async usage(workspace: string): Promise<ResourceLimits> {
    const rows = await this.db('workloads')
      .where({ workspace })
      .whereIn('state', HOLDING_STATES)
      .sum({ cpu_millis: 'cpu_millis', memory_mib: 'memory_mib', gpu: 'gpu' });
    return sumRows(
      rows.map(r => ({
        cpu_millis: r.cpu_millis ?? 0,
        memory_mib: r.memory_mib ?? 0,
        gpu: r.gpu ?? 0,
      })),
    );
  }

  /** Quota limits of the workspace's users and teams, by subject. */
  async quotas(
    tx: Knex,
    workspace: string,
  ): Promise<Map<string, ResourceLimits>> {
    const rows = await tx('quotas').where({ workspace });
    return new Map(
      rows.map((q: any) => [q.subject as string, fromResourceColumns(q)]),
    );
  }

  async allocationsByNode(
    tx: Knex,
    workspace: string,
  ): Promise<Map<string, ResourceLimits>> {
    return holdingBy(tx, workspace, 'node_id');
  }

  async nodes(tx: Knex | undefined, workspace: string): Promise<NodeRow[]> {
    return (tx ?? this.db)<NodeRow>('workspace_nodes')
      .where({ workspace })
      .orderBy('created_at')
      .orderBy('id');
  }

  async insertNode(tx: Knex, node: NodeRow): Promise<void> {
    await tx('workspace_nodes').insert(node);
  }

  async setNodeIdle(id: string, idleSince: string | null): Promise<void> {
    await this.db('workspace_nodes')
      .where({ id })
      .update({ idle_since: idleSince });
  }

  /** Deletes a node only if no workload holds resources on it. */
  async deleteIdleNode(id: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      const busy = await tx('workloads')
        .where({ node_id: id })
        .whereIn('state', HOLDING_STATES)
        .first('id');
      if (busy) return false;
      return (await tx('workspace_nodes').where({ id }).delete()) > 0;
    });
  }

  /** 1-based positions of queued work, in admission order. */
  async queuePositions(workspace: string): Promise<Map<string, number>> {
    const rows = await this.db('workloads')
      .where({ workspace, state: 'queued' })
      .orderBy('priority', 'desc')
      .orderBy('queued_at', 'asc')
      .orderBy('id', 'asc')
      .select('id');
    return new Map(rows.map((r, i) => [r.id as string, i + 1]));
  }
}
