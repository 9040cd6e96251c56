import { Knex } from 'knex';
import { LabelPairCount, RegressionSums } from './qualityMetrics';

/** Which tracked prediction is joined with which delayed truth, and when. */
export interface QualityFilter {
  modelId: string;
  deploymentId?: string;
  predictionMetric: string;
  truthMetric: string;
  fromMs: number;
  toMs: number;
}

/** The most pairs {@link QualityStore.pairs} returns. */
export const MAX_PAIRS = 500;

type Num = number | string | null;

/** The most aggregate values a quality read returns. */
const MAX_AGGREGATES = 10_000;

/**
 * A model's tracked predictions joined with their delayed truth by
 * prediction uuid (both in model_metric_points), aggregated in SQL.
 */
export class QualityStore {
  constructor(private readonly db: Knex) {}

  private joined(filter: QualityFilter) {
    const q = this.db('model_metric_points as p')
      .join('model_metric_points as t', join =>
        join
          .on('t.prediction_uuid', 'p.prediction_uuid')
          .andOn('t.model_id', 'p.model_id')
          .andOnVal('t.kind', 'delayed')
          .andOnVal('t.name', filter.truthMetric),
      )
      .where('p.model_id', filter.modelId)
      .andWhere('p.kind', 'tracked')
      .andWhere('p.name', filter.predictionMetric)
      .andWhere('p.at_ms', '>=', filter.fromMs)
      .andWhere('p.at_ms', '<', filter.toMs);
    if (filter.deploymentId) q.andWhere('p.deployment_id', filter.deploymentId);
    return q;
  }

  private bucket(filter: QualityFilter, stepMs: number) {
    return this.db.raw('(p.at_ms - (p.at_ms - ?) % ?)', [
      filter.fromMs,
      stepMs,
    ]);
  }

  /** Regression error sums per window of `stepMs` from `fromMs`. */
  async regressionWindows(
    filter: QualityFilter,
    stepMs: number,
  ): Promise<Array<RegressionSums & { startMs: number }>> {
    const rows = (await this.joined(filter)
      .select({ bucket: this.bucket(filter, stepMs) })
      .select(
        this.db.raw('count(*) as n'),
        this.db.raw('sum(abs(p.value - t.value)) as abs_err'),
        this.db.raw('sum((p.value - t.value) * (p.value - t.value)) as sq_err'),
        this.db.raw(
          'sum(case when t.value <> 0 then abs((p.value - t.value) / t.value) else 0 end) as pct_err',
        ),
        this.db.raw('sum(case when t.value <> 0 then 1 else 0 end) as nonzero'),
      )
      .groupByRaw('1')
      .orderByRaw('1')) as unknown as Array<Record<string, Num>>;
    return rows.map(r => ({
      startMs: Number(r.bucket),
      count: Number(r.n),
      sumAbsError: Number(r.abs_err ?? 0),
      sumSquaredError: Number(r.sq_err ?? 0),
      sumAbsPercentError: Number(r.pct_err ?? 0),
      nonZeroTruthCount: Number(r.nonzero ?? 0),
    }));
  }

  /** Regression error sums of the filter's range, per deployment. */
  async regressionByDeployment(
    filter: QualityFilter,
  ): Promise<Array<RegressionSums & { deploymentId: string }>> {
    const rows = (await this.joined(filter)
      .select('p.deployment_id as deployment_id')
      .select(
        this.db.raw('count(*) as n'),
        this.db.raw('sum(abs(p.value - t.value)) as abs_err'),
        this.db.raw('sum((p.value - t.value) * (p.value - t.value)) as sq_err'),
        this.db.raw(
          'sum(case when t.value <> 0 then abs((p.value - t.value) / t.value) else 0 end) as pct_err',
        ),
        this.db.raw('sum(case when t.value <> 0 then 1 else 0 end) as nonzero'),
      )
      .groupBy('p.deployment_id')) as unknown as Array<Record<string, Num>>;
    return rows.map(r => ({
      deploymentId: String(r.deployment_id ?? ''),
      count: Number(r.n),
      sumAbsError: Number(r.abs_err ?? 0),
      sumSquaredError: Number(r.sq_err ?? 0),
      sumAbsPercentError: Number(r.pct_err ?? 0),
      nonZeroTruthCount: Number(r.nonzero ?? 0),
    }));
  }

  /** How often each label pair occurred in the filter's range, per deployment. */
  async labelsByDeployment(
    filter: QualityFilter,
  ): Promise<Array<LabelPairCount & { deploymentId: string }>> {
    const rows = (await this.joined(filter)
      .select(
        'p.deployment_id as deployment_id',
        'p.value as prediction',
        't.value as truth',
        this.db.raw('count(*) as n'),
      )
      .groupBy('p.deployment_id', 'p.value', 't.value')) as unknown as Array<
      Record<string, Num>
    >;
    return rows.map(r => ({
      deploymentId: String(r.deployment_id ?? ''),
      prediction: Number(r.prediction),
      truth: Number(r.truth),
      count: Number(r.n),
    }));
  }

  /** How often each (prediction, truth) label pair occurred, per window. */
  async labelWindows(
    filter: QualityFilter,
    stepMs: number,
  ): Promise<Array<LabelPairCount & { startMs: number }>> {
    const rows = (await this.joined(filter)
      .select({ bucket: this.bucket(filter, stepMs) })
      .select(
        'p.value as prediction',
        't.value as truth',
        this.db.raw('count(*) as n'),
      )
      .groupByRaw('1, p.value, t.value')
      .orderByRaw('1')) as unknown as Array<Record<string, Num>>;
    return rows.map(r => ({
      startMs: Number(r.bucket),
      prediction: Number(r.prediction),
      truth: Number(r.truth),
      count: Number(r.n),
    }));
  }

  /**
   * Up to {@link MAX_PAIRS} pairs of the range, evenly spread (every k-th
   * of the `total` joined pairs), oldest first.
   */
  async pairs(
    filter: QualityFilter,
    total: number,
  ): Promise<Array<{ atMs: number; prediction: number; truth: number }>> {
    if (total === 0) return [];
    const stride = Math.max(1, Math.ceil(total / MAX_PAIRS));
    const numbered = this.joined(filter).select(
      'p.at_ms as at_ms',
      'p.value as prediction',
      't.value as truth',
      this.db.raw('row_number() over (order by p.at_ms, p.id) as rn'),
    );
    const rows = (await this.db
      .select('at_ms', 'prediction', 'truth')
      .from(numbered.as('numbered'))
      .whereRaw('(rn - 1) % ? = 0', [stride])
      .orderBy('rn')
      .limit(MAX_PAIRS)) as Array<Record<string, Num>>;
    return rows.map(r => ({
      atMs: Number(r.at_ms),
      prediction: Number(r.prediction),
      truth: Number(r.truth),
    }));
  }

  /** A tracked metric's values in [fromMs, toMs), oldest first. */
  async trackedValues(filter: {
    modelId: string;
    deploymentId?: string;
    name: string;
    fromMs: number;
    toMs: number;
    limit: number;
  }): Promise<Array<{ atMs: number; value: number }>> {
    const q = this.db('model_metric_points')
      .select('at_ms', 'value')
      .where({ model_id: filter.modelId, kind: 'tracked', name: filter.name })
      .andWhere('at_ms', '>=', filter.fromMs)
      .andWhere('at_ms', '<', filter.toMs);
    if (filter.deploymentId) q.andWhere({ deployment_id: filter.deploymentId });
    const rows: Array<{ at_ms: Num; value: Num }> = await q
      .orderBy([{ column: 'at_ms' }, { column: 'id' }])
      .limit(filter.limit);
    return rows.map(r => ({ atMs: Number(r.at_ms), value: Number(r.value) }));
  }

  /** How often each value of a tracked metric occurred per window of `stepMs`. */
  async trackedValueCounts(filter: {
    modelId: string;
    deploymentId?: string;
    name: string;
    fromMs: number;
    toMs: number;
    stepMs: number;
  }): Promise<Array<{ startMs: number; value: number; count: number }>> {
    const q = this.db('model_metric_points')
      .select({
        bucket: this.db.raw('(at_ms - (at_ms - ?) % ?)', [
          filter.fromMs,
          filter.stepMs,
        ]),
      })
      .select('value', this.db.raw('count(*) as n'))
      .where({ model_id: filter.modelId, kind: 'tracked', name: filter.name })
      .andWhere('at_ms', '>=', filter.fromMs)
      .andWhere('at_ms', '<', filter.toMs);
    if (filter.deploymentId) q.andWhere({ deployment_id: filter.deploymentId });
    const rows: Array<Record<string, Num>> = await q.groupByRaw('1, value');
    return rows.map(r => ({
      startMs: Number(r.bucket),
      value: Number(r.value),
      count: Number(r.n),
    }));
  }

  /** The first `limit` values of a tracked metric a deployment recorded. */
  async firstTrackedOfDeployment(
    modelId: string,
    deploymentId: string,
    name: string,
    limit: number,
  ): Promise<number[]> {
    const rows: Array<{ value: Num }> = await this.db('model_metric_points')
      .select('value')
      .where({
        model_id: modelId,
        deployment_id: deploymentId,
        kind: 'tracked',
        name,
      })
      .orderBy([{ column: 'at_ms' }, { column: 'id' }])
      .limit(limit);
    return rows.map(r => Number(r.value));
  }

  /** Values sent with `track_aggregate_metrics` whose window ends in the range. */
  async aggregates(filter: {
    modelId: string;
    deploymentId?: string;
    fromMs: number;
    toMs: number;
  }): Promise<
    Array<{ name: string; value: number; startMs: number; endMs: number }>
  > {
    const q = this.db('model_aggregate_metrics')
      .select('name', 'value', 'start_ms', 'end_ms')
      .where({ model_id: filter.modelId })
      .andWhere('end_ms', '>', filter.fromMs)
      .andWhere('end_ms', '<=', filter.toMs);
    if (filter.deploymentId) q.andWhere({ deployment_id: filter.deploymentId });
    const rows: Array<Record<string, Num>> = await q
      .orderBy([{ column: 'end_ms' }, { column: 'id' }])
      .limit(MAX_AGGREGATES);
    return rows.map(r => ({
      name: String(r.name),
      value: Number(r.value),
      startMs: Number(r.start_ms),
      endMs: Number(r.end_ms),
    }));
  }
}
