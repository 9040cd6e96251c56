import { Knex } from 'knex';
import { MetricSumRollup, TechnicalRollup } from './RollupStore';
import { addLatency } from './latencyHistogram';
import { HOUR_MS } from './hourCoverage';

type Num = number | string | null;

/** The raw rows of a model's hour, aggregated for its rollup. */
export class RawHourReader {
  constructor(private readonly db: Knex) {}

  /** Every model's id. */
  async modelIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db('models').select('id');
    return rows.map(r => r.id);
  }

  /** The time of the model's first prediction in [fromMs, toMs), if any. */
  async firstPredictionAt(
    modelId: string,
    fromMs: number,
    toMs: number,
  ): Promise<number | undefined> {
    const [row] = await this.db('model_predictions')
      .min({ at: 'at_ms' })
      .where({ model_id: modelId })
      .andWhere('at_ms', '>=', fromMs)
      .andWhere('at_ms', '<', toMs);
    return row?.at === null || row?.at === undefined
      ? undefined
      : Number(row.at);
  }

  /** Requests, errors and the latency histogram of the hour, per deployment. */
  async technical(
    modelId: string,
    hour: number,
  ): Promise<Map<string, TechnicalRollup>> {
    // SQLite has no log(): the latencies are bucketed here.
    const rows: Array<{
      deployment_id: string;
      latency_ms: number;
      success: boolean | number;
    }> = await this.db('model_predictions')
      .select('deployment_id', 'latency_ms', 'success')
      .where({ model_id: modelId })
      .andWhere('at_ms', '>=', hour)
      .andWhere('at_ms', '<', hour + HOUR_MS);
    const out = new Map<string, TechnicalRollup>();
    for (const r of rows) {
      let found = out.get(r.deployment_id);
      if (!found) {
        found = { requests: 0, errors: 0, histogram: {} };
        out.set(r.deployment_id, found);
      }
      found.requests += 1;
      if (!r.success) found.errors += 1;
      addLatency(found.histogram, Number(r.latency_ms));
    }
    return out;
  }

  /** Count and sum of each metric of the hour, per deployment ('' for none). */
  async metricSums(
    modelId: string,
    hour: number,
  ): Promise<Map<string, MetricSumRollup[]>> {
    const rows: Array<Record<string, Num>> = await this.db(
      'model_metric_points',
    )
      .select('deployment_id', 'kind', 'name')
      .count({ n: '*' })
      .sum({ total: 'value' })
      .where({ model_id: modelId })
      .andWhere('at_ms', '>=', hour)
      .andWhere('at_ms', '<', hour + HOUR_MS)
      .groupBy('deployment_id', 'kind', 'name');
    const out = new Map<string, MetricSumRollup[]>();
    for (const r of rows) {
      const deploymentId =
        r.deployment_id === null ? '' : String(r.deployment_id);
      const list = out.get(deploymentId) ?? [];
      list.push({
        kind: r.kind as MetricSumRollup['kind'],
        name: String(r.name),
        count: Number(r.n),
        sum: Number(r.total ?? 0),
      });
      out.set(deploymentId, list);
    }
    return out;
  }
}
