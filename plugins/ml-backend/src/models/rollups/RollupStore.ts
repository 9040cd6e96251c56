import { Knex } from 'knex';
import { LabelPairCount, RegressionSums } from '../quality/qualityMetrics';
import { LatencyHistogram, mergeHistograms } from './latencyHistogram';
import { TimeSpan } from './hourCoverage';

/** Requests, errors and latencies of an hour. */
export interface TechnicalRollup {
  requests: number;
  errors: number;
  histogram: LatencyHistogram;
}

/** Count and sum of a metric's values in an hour. */
export interface MetricSumRollup {
  kind: 'tracked' | 'delayed';
  name: string;
  count: number;
  sum: number;
}

/** A pair of a tracked prediction and its truth. */
export interface SamplePair {
  atMs: number;
  prediction: number;
  truth: number;
}

/** The quality of an hour's pairs. */
export interface QualityRollup extends RegressionSums {
  /** Absent for regression models. */
  labelPairs?: LabelPairCount[];
  /** Evenly spread pairs of the hour, oldest first. */
  sample: SamplePair[];
}

/** A drift feature's counts: per category, or per fine bin (numeric). */
export interface DriftRollup {
  feature: string;
  counts: Record<string, number> | number[];
}

/** The keys an hour's quality and drift rows were computed for. */
export interface RollupKeys {
  quality?: string | null;
  drift?: string | null;
}

/** What one hour of a model rolls up to, per deployment. */
export interface HourRollup {
  /** By deployment; absent when no feature has a baseline. */
  drift?: Map<string, DriftRollup[]>;
  technical: Map<string, TechnicalRollup>;
  /** By deployment ('' for points outside one). */
  metricSums: Map<string, MetricSumRollup[]>;
  /** Absent when the model's quality is not configured. */
  quality?: Map<string, QualityRollup>;
}

type Num = number | string | null;

/** The tables of an hour's rows. */
const HOURLY_TABLES = [
  'model_hourly_technical',
  'model_hourly_metric_sums',
  'model_hourly_quality',
  'model_hourly_drift',
];

/**
 * The hourly rollup tables: which hours of a model are rolled up and
 * current, and their rows (see migration 20261222_model_hourly_rollups).
 */
export class RollupStore {
  constructor(private readonly db: Knex) {}

  /**
   * Hours in the span whose rollup is current; with keys, only those whose
   * quality or drift rows were computed for them.
   */
  async coveredHours(
    modelId: string,
    span: TimeSpan,
    keys: RollupKeys = {},
  ): Promise<Set<number>> {
    const q = this.db('model_rollup_hours')
      .select('hour_start')
      .where({ model_id: modelId })
      .andWhere('hour_start', '>=', span.fromMs)
      .andWhere('hour_start', '<', span.toMs)
      .whereNotNull('rolled_at')
      .andWhere(w =>
        w.whereNull('dirty_at').orWhereRaw('dirty_at < rolled_at'),
      );
    if (keys.quality !== undefined) q.andWhere({ quality_key: keys.quality });
    if (keys.drift !== undefined) q.andWhere({ drift_key: keys.drift });
    const rows: Array<{ hour_start: Num }> = await q;
    return new Set(rows.map(r => Number(r.hour_start)));
  }

  /** The hour from which the model's next predictions are to be rolled up. */
  async cursor(modelId: string): Promise<number | undefined> {
    const row = await this.db('model_rollup_cursors')
      .where({ model_id: modelId })
      .first();
    return row ? Number(row.next_hour) : undefined;
  }

  /** Moves the model's cursor forward to `nextHour` (never back). */
  async advanceCursor(modelId: string, nextHour: number): Promise<void> {
    await this.db('model_rollup_cursors')
      .insert({ model_id: modelId, next_hour: nextHour })
      .onConflict('model_id')
      .merge({
        next_hour: this.db.raw(
          'case when excluded.next_hour > model_rollup_cursors.next_hour then excluded.next_hour else model_rollup_cursors.next_hour end',
        ),
      });
  }

  /**
   * Closed hours that need rolling up again: never rolled (marked before
   * their first rollup), changed since, or rolled for another quality key.
   */
  async staleHours(
    modelId: string,
    closedBeforeMs: number,
    keys: { quality: string | null; drift: string | null },
    limit: number,
  ): Promise<number[]> {
    const rows: Array<{ hour_start: Num }> = await this.db('model_rollup_hours')
      .select('hour_start')
      .where({ model_id: modelId })
      .andWhere('hour_start', '<', closedBeforeMs)
      .andWhere(w => {
        w.whereNull('rolled_at')
          .orWhereRaw('dirty_at >= rolled_at')
          .orWhereRaw('coalesce(quality_key, ?) <> ?', ['', keys.quality ?? ''])
          .orWhereRaw('coalesce(drift_key, ?) <> ?', ['', keys.drift ?? '']);
      })
      .orderBy('hour_start')
      .limit(limit);
    return rows.map(r => Number(r.hour_start));
  }

  /**
   * Notes that data of these hours changed (a delayed truth arrived, a late
   * prediction): their rollups, if any, are stale until rolled up again.
   */
  async markChanged(
    modelId: string,
    hours: number[],
    atMs: number,
  ): Promise<void> {
    const unique = [...new Set(hours)];
    if (unique.length === 0) return;
    await this.db('model_rollup_hours')
      .insert(
        unique.map(hour => ({
          model_id: modelId,
          hour_start: hour,
          rolled_at: null,
          dirty_at: atMs,
          quality_key: null,
          drift_key: null,
        })),
      )
      .onConflict(['model_id', 'hour_start'])
      .merge(['dirty_at']);
  }

  /**
   * Replaces an hour's rows. `startedAtMs` is when the rollup began to read
   * the raw rows: a change marked after it keeps the hour stale. Several
   * backends may write the same hour; the rows they write are the same.
   */
  async write(
    modelId: string,
    hour: number,
    rollup: HourRollup,
    meta: {
      startedAtMs: number;
      keys: { quality: string | null; drift: string | null };
    },
  ): Promise<void> {
    const key = { model_id: modelId, hour_start: hour };
    await this.db.transaction(async tx => {
      for (const table of HOURLY_TABLES) await tx(table).where(key).delete();
      const drift = [...(rollup.drift ?? [])].flatMap(([deploymentId, list]) =>
        list.map(d => ({
          ...key,
          deployment_id: deploymentId,
          feature: d.feature,
          counts: JSON.stringify(d.counts),
        })),
      );
      const technical = [...rollup.technical].map(([deploymentId, t]) => ({
        ...key,
        deployment_id: deploymentId,
        requests: t.requests,
        errors: t.errors,
        latency_histogram: JSON.stringify(t.histogram),
      }));
      const sums = [...rollup.metricSums].flatMap(([deploymentId, list]) =>
        list.map(s => ({
          ...key,
          deployment_id: deploymentId,
          kind: s.kind,
          name: s.name,
          count: s.count,
          sum: s.sum,
        })),
      );
      const quality = [...(rollup.quality ?? [])].map(([deploymentId, q]) => ({
        ...key,
        deployment_id: deploymentId,
        pairs: q.count,
        sum_abs_error: q.sumAbsError,
        sum_squared_error: q.sumSquaredError,
        sum_abs_percent_error: q.sumAbsPercentError,
        non_zero_truth: q.nonZeroTruthCount,
        label_pairs: q.labelPairs
          ? JSON.stringify(
              q.labelPairs.map(p => [p.prediction, p.truth, p.count]),
            )
          : null,
        sample: JSON.stringify(
          q.sample.map(p => [p.atMs, p.prediction, p.truth]),
        ),
      }));
      // Merged on conflict: another backend may have written the hour too.
      for (const [table, rows, columns] of [
        [
          'model_hourly_technical',
          technical,
          ['model_id', 'hour_start', 'deployment_id'],
        ],
        [
          'model_hourly_metric_sums',
          sums,
          ['model_id', 'hour_start', 'deployment_id', 'kind', 'name'],
        ],
        [
          'model_hourly_quality',
          quality,
          ['model_id', 'hour_start', 'deployment_id'],
        ],
        [
          'model_hourly_drift',
          drift,
          ['model_id', 'hour_start', 'deployment_id', 'feature'],
        ],
      ] as Array<[string, Array<Record<string, unknown>>, string[]]>) {
        for (let i = 0; i < rows.length; i += 100)
          await tx(table)
            .insert(rows.slice(i, i + 100))
            .onConflict(columns)
            .merge();
      }
      await tx('model_rollup_hours')
        .insert({
          ...key,
          rolled_at: meta.startedAtMs,
          dirty_at: null,
          quality_key: meta.keys.quality,
          drift_key: meta.keys.drift,
        })
        .onConflict(['model_id', 'hour_start'])
        .merge(['rolled_at', 'quality_key', 'drift_key']);
    });
  }

  /** Forgets a deleted model's rollups, its cursor and hours. */
  async deleteAllOf(modelId: string): Promise<void> {
    await this.db.transaction(async tx => {
      for (const table of [
        ...HOURLY_TABLES,
        'model_rollup_hours',
        'model_rollup_cursors',
      ])
        await tx(table).where({ model_id: modelId }).delete();
    });
  }

  /** Technical rollups of hours in the span, summed over deployments (or of one). */
  async technical(
    modelId: string,
    span: TimeSpan,
    deploymentId?: string,
  ): Promise<Map<number, TechnicalRollup>> {
    const rows: Array<Record<string, Num>> = await this.rows(
      'model_hourly_technical',
      modelId,
      span,
      deploymentId,
    ).select('hour_start', 'requests', 'errors', 'latency_histogram');
    const out = new Map<number, TechnicalRollup>();
    for (const r of rows) {
      const hour = Number(r.hour_start);
      const found = out.get(hour) ?? { requests: 0, errors: 0, histogram: {} };
      found.requests += Number(r.requests);
      found.errors += Number(r.errors);
      mergeHistograms(found.histogram, JSON.parse(String(r.latency_histogram)));
      out.set(hour, found);
    }
    return out;
  }

  /** Metric sums of hours in the span, summed over deployments (or of one). */
  async metricSums(
    modelId: string,
    span: TimeSpan,
    deploymentId?: string,
  ): Promise<Map<number, MetricSumRollup[]>> {
    const rows: Array<Record<string, Num>> = await this.rows(
      'model_hourly_metric_sums',
      modelId,
      span,
      deploymentId,
    )
      .select('hour_start', 'kind', 'name')
      .sum({ count: 'count', sum: 'sum' })
      .groupBy('hour_start', 'kind', 'name');
    const out = new Map<number, MetricSumRollup[]>();
    for (const r of rows) {
      const hour = Number(r.hour_start);
      const list = out.get(hour) ?? [];
      list.push({
        kind: r.kind as MetricSumRollup['kind'],
        name: String(r.name),
        count: Number(r.count),
        sum: Number(r.sum),
      });
      out.set(hour, list);
    }
    return out;
  }

  /** Quality rollups of hours in the span, per hour and deployment. */
  async quality(
    modelId: string,
    span: TimeSpan,
    deploymentId?: string,
  ): Promise<Map<number, QualityRollup[]>> {
    const rows: Array<Record<string, Num>> = await this.rows(
      'model_hourly_quality',
      modelId,
      span,
      deploymentId,
    ).select('*');
    const out = new Map<number, QualityRollup[]>();
    for (const r of rows) {
      const hour = Number(r.hour_start);
      const labels = r.label_pairs
        ? (JSON.parse(String(r.label_pairs)) as number[][])
        : undefined;
      const sample = JSON.parse(String(r.sample)) as number[][];
      const list = out.get(hour) ?? [];
      list.push({
        count: Number(r.pairs),
        sumAbsError: Number(r.sum_abs_error),
        sumSquaredError: Number(r.sum_squared_error),
        sumAbsPercentError: Number(r.sum_abs_percent_error),
        nonZeroTruthCount: Number(r.non_zero_truth),
        labelPairs: labels?.map(([prediction, truth, count]) => ({
          prediction,
          truth,
          count,
        })),
        sample: sample.map(([atMs, prediction, truth]) => ({
          atMs,
          prediction,
          truth,
        })),
      });
      out.set(hour, list);
    }
    return out;
  }

  /** A drift feature's counts in hours of the span, per hour and deployment. */
  async drift(
    modelId: string,
    span: TimeSpan,
    feature: string,
    deploymentId?: string,
  ): Promise<Map<number, Array<DriftRollup['counts']>>> {
    const rows: Array<Record<string, Num>> = await this.rows(
      'model_hourly_drift',
      modelId,
      span,
      deploymentId,
    )
      .andWhere({ feature })
      .select('hour_start', 'counts');
    const out = new Map<number, Array<DriftRollup['counts']>>();
    for (const r of rows) {
      const hour = Number(r.hour_start);
      const list = out.get(hour) ?? [];
      list.push(JSON.parse(String(r.counts)));
      out.set(hour, list);
    }
    return out;
  }

  private rows(
    table: string,
    modelId: string,
    span: TimeSpan,
    deploymentId?: string,
  ) {
    const q = this.db(table)
      .where({ model_id: modelId })
      .andWhere('hour_start', '>=', span.fromMs)
      .andWhere('hour_start', '<', span.toMs);
    if (deploymentId) q.andWhere({ deployment_id: deploymentId });
    return q;
  }
}
