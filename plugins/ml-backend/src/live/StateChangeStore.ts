import { Knex } from 'knex';
import { MlStateSignal } from '@ml-platform/plugin-ml-common';

/** Something in a project (and, for workloads, on a workspace) changed state. */
export interface StateChange {
  projectId: string;
  /** The workspace whose queue changed; only for workloads. */
  workspace?: string;
  change: MlStateSignal['change'];
}

/**
 * How far the feed has read: the last workload event, and the deployment
 * changes (`id@updated_at`) of the last few seconds. A deployment's time
 * is taken before its update commits, so one can commit after a later one
 * was read; the feed reads that far back and skips what it has seen.
 */
export interface StateChangeCursor {
  workloadEventId: number;
  deploymentsSeen: string[];
  deploymentsAt: string;
}

/** How far back deployment changes are read again (see StateChangeCursor). */
const DEPLOYMENT_LOOKBACK_MS = 5000;

export interface StateChangesPage {
  changes: StateChange[];
  cursor: StateChangeCursor;
  /** Whether a page was full, so that more may wait behind it. */
  more: boolean;
}

/**
 * Reads what changed after a cursor: `workload_events` (every workload
 * transition, in id order; a row is there only once its transaction
 * committed) and `model_deployments.updated_at`.
 */
export class StateChangeStore {
  constructor(private readonly db: Knex) {}

  /** A cursor at the present: what changed before it is not reported. */
  async cursorNow(now: Date = new Date()): Promise<StateChangeCursor> {
    const event = await this.db('workload_events').max({ id: 'id' }).first();
    const cursor: StateChangeCursor = {
      workloadEventId: Number(event?.id ?? 0),
      deploymentsSeen: [],
      deploymentsAt: now.toISOString(),
    };
    const recent = await this.deploymentsFrom(cursor.deploymentsAt, 10_000);
    return { ...cursor, deploymentsSeen: recent.map(keyOf) };
  }

  async changesAfter(
    cursor: StateChangeCursor,
    limit: number,
  ): Promise<StateChangesPage> {
    const events = await this.db('workload_events as e')
      .join('workloads as w', 'w.id', 'e.workload_id')
      .where('e.id', '>', cursor.workloadEventId)
      .orderBy('e.id')
      .limit(limit)
      .select('e.id as id', 'w.project_id as projectId', 'w.workspace');
    const seen = new Set(cursor.deploymentsSeen);
    const read = await this.deploymentsFrom(
      cursor.deploymentsAt,
      limit + seen.size,
    );
    const fresh = read.filter(d => !seen.has(keyOf(d)));
    const changes: StateChange[] = [
      ...events.map(e => ({
        projectId: e.projectId as string,
        workspace: e.workspace as string,
        change: 'workload' as const,
      })),
      ...fresh.map(d => ({
        projectId: d.projectId,
        change: 'deployment' as const,
      })),
    ];
    const lastEvent = events[events.length - 1];
    const newest = read.reduce(
      (at, d) => (d.updatedAt > at ? d.updatedAt : at),
      cursor.deploymentsAt,
    );
    const windowStart = lookbackFrom(newest);
    return {
      changes,
      cursor: {
        workloadEventId: lastEvent
          ? Number(lastEvent.id)
          : cursor.workloadEventId,
        deploymentsAt: newest,
        deploymentsSeen: read
          .filter(d => d.updatedAt >= windowStart)
          .map(keyOf),
      },
      more: events.length === limit || read.length === limit + seen.size,
    };
  }

  private async deploymentsFrom(
    at: string,
    limit: number,
  ): Promise<Array<{ id: string; updatedAt: string; projectId: string }>> {
    return this.db('model_deployments as d')
      .join('models as m', 'm.id', 'd.model_id')
      .where('d.updated_at', '>=', lookbackFrom(at))
      .orderBy('d.updated_at')
      .limit(limit)
      .select('d.id', 'd.updated_at as updatedAt', 'm.project_id as projectId');
  }
}

function lookbackFrom(at: string): string {
  return new Date(Date.parse(at) - DEPLOYMENT_LOOKBACK_MS).toISOString();
}

function keyOf(d: { id: string; updatedAt: string }): string {
  return `${d.id}@${d.updatedAt}`;
}
