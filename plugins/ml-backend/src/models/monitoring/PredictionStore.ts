import { Knex } from 'knex';
import { insertJsonRows, JsonColumn } from '../../database/jsonRowsInsert';
import { METRIC_POINT_COLUMNS, UPSERT_POINT } from './MetricPointStore';
import { RollupStore } from '../rollups/RollupStore';
import { markClosedHours } from '../rollups/markClosedHours';

/** One served request, as the gateway recorded it. */
export interface PredictionRow {
  uuid: string;
  projectId: string;
  modelId: string;
  deploymentId: string;
  replica: number;
  atMs: number;
  latencyMs: number;
  modelMs?: number;
  status: number;
  success: boolean;
  errorName?: string;
  /** Values the model tracked during the call (stored as metric points). */
  metrics: Record<string, number>;
}

type DbRow = {
  uuid: string;
  project_id: string;
  model_id: string;
  deployment_id: string;
  replica: number;
  at_ms: number | string;
  latency_ms: number;
  model_ms: number | null;
  status: number;
  success: boolean | number;
  error_name: string | null;
};

export interface PredictionQuery {
  modelId: string;
  deploymentId?: string;
  fromMs?: number;
  toMs?: number;
  uuid?: string;
  limit: number;
  offset: number;
}

/**
 * Rows per INSERT (one bound JSON parameter each). Between statements the
 * write yields to the event loop: on SQLite each statement blocks it.
 */
const CHUNK = 500;
const yieldToEventLoop = () =>
  new Promise<void>(resolve => setImmediate(resolve));

const PREDICTION_COLUMNS: JsonColumn[] = [
  { name: 'uuid', pgType: 'text' },
  { name: 'project_id', pgType: 'text' },
  { name: 'model_id', pgType: 'text' },
  { name: 'deployment_id', pgType: 'text' },
  { name: 'replica', pgType: 'integer' },
  { name: 'at_ms', pgType: 'bigint' },
  { name: 'latency_ms', pgType: 'double precision' },
  { name: 'model_ms', pgType: 'double precision' },
  { name: 'status', pgType: 'integer' },
  { name: 'success', pgType: 'boolean' },
  { name: 'error_name', pgType: 'text' },
];

function fromDb(row: DbRow): Omit<PredictionRow, 'metrics'> {
  return {
    uuid: row.uuid,
    projectId: row.project_id,
    modelId: row.model_id,
    deploymentId: row.deployment_id,
    replica: row.replica,
    atMs: Number(row.at_ms),
    latencyMs: row.latency_ms,
    modelMs: row.model_ms ?? undefined,
    status: row.status,
    success: Boolean(row.success),
    errorName: row.error_name ?? undefined,
  };
}

/** Prediction records and the metric values tracked during each one. */
export class PredictionStore {
  constructor(
    private readonly db: Knex,
    private readonly options: {
      /** Told of predictions written for hours already closed. */
      rollups?: RollupStore;
      now?: () => number;
    } = {},
  ) {}

  /**
   * Writes a batch in one transaction: the predictions, then their tracked
   * metrics. A uuid already stored is skipped (a retried flush).
   */
  async insertBatch(rows: PredictionRow[]): Promise<void> {
    if (rows.length === 0) return;
    const predictions: unknown[][] = new Array(rows.length);
    const points: unknown[][] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      predictions[i] = [
        r.uuid,
        r.projectId,
        r.modelId,
        r.deploymentId,
        r.replica,
        r.atMs,
        r.latencyMs,
        r.modelMs ?? null,
        r.status,
        r.success,
        r.errorName ?? null,
      ];
      for (const name of Object.keys(r.metrics)) {
        points.push([
          r.projectId,
          r.modelId,
          r.deploymentId,
          r.uuid,
          'tracked',
          name,
          r.metrics[name],
          r.atMs,
        ]);
      }
    }
    await this.db.transaction(async tx => {
      for (let i = 0; i < predictions.length; i += CHUNK) {
        if (i > 0) await yieldToEventLoop();
        await insertJsonRows(
          tx,
          'model_predictions',
          PREDICTION_COLUMNS,
          predictions.slice(i, i + CHUNK),
          'ON CONFLICT ("uuid") DO NOTHING',
        );
      }
      for (let i = 0; i < points.length; i += CHUNK) {
        await yieldToEventLoop();
        await insertJsonRows(
          tx,
          'model_metric_points',
          METRIC_POINT_COLUMNS,
          points.slice(i, i + CHUNK),
          UPSERT_POINT,
        );
      }
    });
    if (this.options.rollups) {
      const now = this.options.now?.() ?? Date.now();
      await markClosedHours(this.options.rollups, rows, now);
    }
  }

  async get(uuid: string): Promise<Omit<PredictionRow, 'metrics'> | undefined> {
    const row = await this.db<DbRow>('model_predictions')
      .where({ uuid })
      .first();
    return row ? fromDb(row) : undefined;
  }

  /** Newest first, with the total for paging. */
  async list(
    query: PredictionQuery,
  ): Promise<{ items: Omit<PredictionRow, 'metrics'>[]; totalSize: number }> {
    const base = this.db<DbRow>('model_predictions').where({
      model_id: query.modelId,
    });
    if (query.deploymentId)
      base.andWhere({ deployment_id: query.deploymentId });
    if (query.uuid) base.andWhere({ uuid: query.uuid });
    if (query.fromMs !== undefined) base.andWhere('at_ms', '>=', query.fromMs);
    if (query.toMs !== undefined) base.andWhere('at_ms', '<', query.toMs);
    const [{ count }] = await base
      .clone()
      .count<{ count: number | string }[]>({ count: '*' });
    const rows: DbRow[] = await base
      .clone()
      .orderBy([
        { column: 'at_ms', order: 'desc' },
        { column: 'uuid', order: 'asc' },
      ])
      .offset(query.offset)
      .limit(query.limit);
    return { items: rows.map(fromDb), totalSize: Number(count) };
  }

  /**
   * Latency and outcome of every prediction in a range, oldest first, for
   * percentiles per bucket (computed by the caller: SQLite has no percentile
   * function).
   */
  async latencies(filter: {
    modelId: string;
    deploymentId?: string;
    fromMs: number;
    toMs: number;
  }): Promise<Array<{ atMs: number; latencyMs: number; success: boolean }>> {
    const q = this.db('model_predictions')
      .select('at_ms', 'latency_ms', 'success')
      .where({ model_id: filter.modelId })
      .andWhere('at_ms', '>=', filter.fromMs)
      .andWhere('at_ms', '<', filter.toMs)
      .orderBy('at_ms');
    if (filter.deploymentId) q.andWhere({ deployment_id: filter.deploymentId });
    const rows: Array<{
      at_ms: number | string;
      latency_ms: number;
      success: boolean | number;
    }> = await q;
    return rows.map(r => ({
      atMs: Number(r.at_ms),
      latencyMs: r.latency_ms,
      success: Boolean(r.success),
    }));
  }
}
