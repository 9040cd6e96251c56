import { Knex } from 'knex';
import { insertJsonRows, JsonColumn } from '../../database/jsonRowsInsert';

export type MetricKind = 'tracked' | 'delayed';

/** One value of a named metric of a model. */
export interface MetricPoint {
  projectId: string;
  modelId: string;
  deploymentId?: string;
  predictionUuid?: string;
  kind: MetricKind;
  name: string;
  value: number;
  /** For delayed metrics, the time of the prediction they belong to. */
  atMs: number;
}

type DbRow = {
  project_id: string;
  model_id: string;
  deployment_id: string | null;
  prediction_uuid: string | null;
  kind: MetricKind;
  name: string;
  value: number;
  at_ms: number | string;
};

const CHUNK = 500;
/** Points per INSERT on the write path (one bound JSON parameter each). */
const WRITE_CHUNK = 5000;

/** The columns of a point tuple, in order (see `insertJsonRows`). */
export const METRIC_POINT_COLUMNS: JsonColumn[] = [
  { name: 'project_id', pgType: 'text' },
  { name: 'model_id', pgType: 'text' },
  { name: 'deployment_id', pgType: 'text' },
  { name: 'prediction_uuid', pgType: 'text' },
  { name: 'kind', pgType: 'text' },
  { name: 'name', pgType: 'text' },
  { name: 'value', pgType: 'double precision' },
  { name: 'at_ms', pgType: 'bigint' },
];

/** A point of a prediction replaces the stored value of the same (uuid, kind, name). */
export const UPSERT_POINT =
  'ON CONFLICT ("prediction_uuid", "kind", "name") DO UPDATE SET "value" = excluded."value"';

function fromDb(row: DbRow): MetricPoint {
  return {
    projectId: row.project_id,
    modelId: row.model_id,
    deploymentId: row.deployment_id ?? undefined,
    predictionUuid: row.prediction_uuid ?? undefined,
    kind: row.kind,
    name: row.name,
    value: row.value,
    atMs: Number(row.at_ms),
  };
}

/**
 * Metric points: tracked values (during a prediction or on their own) and
 * delayed metrics joined to a prediction by its uuid.
 */
export class MetricPointStore {
  constructor(private readonly db: Knex) {}

  /**
   * Inserts points in chunks, in one transaction. A point of a prediction
   * replaces the stored value of the same (uuid, kind, name), so sending
   * delayed metrics again is idempotent.
   */
  async insert(points: MetricPoint[]): Promise<void> {
    if (points.length === 0) return;
    const tuples = points.map(p => [
      p.projectId,
      p.modelId,
      p.deploymentId ?? null,
      p.predictionUuid ?? null,
      p.kind,
      p.name,
      p.value,
      p.atMs,
    ]);
    await this.db.transaction(async tx => {
      for (let i = 0; i < tuples.length; i += WRITE_CHUNK) {
        await insertJsonRows(
          tx,
          'model_metric_points',
          METRIC_POINT_COLUMNS,
          tuples.slice(i, i + WRITE_CHUNK),
          UPSERT_POINT,
        );
      }
    });
  }

  /** The points of these predictions. */
  async forPredictions(uuids: string[]): Promise<MetricPoint[]> {
    const out: MetricPoint[] = [];
    for (let i = 0; i < uuids.length; i += CHUNK) {
      const rows: DbRow[] = await this.db('model_metric_points').whereIn(
        'prediction_uuid',
        uuids.slice(i, i + CHUNK),
      );
      out.push(...rows.map(fromDb));
    }
    return out;
  }

  /** Points of a model in a time range, oldest first. */
  async list(filter: {
    modelId: string;
    deploymentId?: string;
    name?: string;
    fromMs?: number;
    toMs?: number;
    limit: number;
  }): Promise<MetricPoint[]> {
    const q = this.db<DbRow>('model_metric_points').where({
      model_id: filter.modelId,
    });
    if (filter.name) q.andWhere({ name: filter.name });
    if (filter.deploymentId) q.andWhere({ deployment_id: filter.deploymentId });
    if (filter.fromMs !== undefined) q.andWhere('at_ms', '>=', filter.fromMs);
    if (filter.toMs !== undefined) q.andWhere('at_ms', '<', filter.toMs);
    const rows: DbRow[] = await q
      .orderBy([{ column: 'at_ms' }, { column: 'id' }])
      .limit(filter.limit);
    return rows.map(fromDb);
  }

  /** One metric's values over time: the lean read behind a chart. */
  async series(filter: {
    modelId: string;
    name: string;
    fromMs: number;
    toMs: number;
  }): Promise<Array<{ atMs: number; value: number }>> {
    const rows: Array<{ at_ms: number | string; value: number }> =
      await this.db('model_metric_points')
        .select('at_ms', 'value')
        .where({ model_id: filter.modelId, name: filter.name })
        .andWhere('at_ms', '>=', filter.fromMs)
        .andWhere('at_ms', '<', filter.toMs)
        .orderBy('at_ms');
    return rows.map(r => ({ atMs: Number(r.at_ms), value: r.value }));
  }

  /** Mean of each metric per bucket of `stepMs`, by kind. */
  async bucketMeans(filter: {
    modelId: string;
    deploymentId?: string;
    fromMs: number;
    toMs: number;
    stepMs: number;
  }): Promise<
    Array<{ bucketMs: number; kind: MetricKind; name: string; mean: number }>
  > {
    const bucket = this.db.raw('(at_ms - (at_ms - ?) % ?)', [
      filter.fromMs,
      filter.stepMs,
    ]);
    const q = this.db('model_metric_points')
      .select({ bucket }, 'kind', 'name')
      .avg({ mean: 'value' })
      .where({ model_id: filter.modelId })
      .andWhere('at_ms', '>=', filter.fromMs)
      .andWhere('at_ms', '<', filter.toMs)
      .groupByRaw('1, kind, name');
    if (filter.deploymentId) q.andWhere({ deployment_id: filter.deploymentId });
    const rows = (await q) as unknown as Array<{
      bucket: number | string;
      kind: MetricKind;
      name: string;
      mean: number | string;
    }>;
    return rows.map(r => ({
      bucketMs: Number(r.bucket),
      kind: r.kind,
      name: r.name,
      mean: Number(r.mean),
    }));
  }
}
