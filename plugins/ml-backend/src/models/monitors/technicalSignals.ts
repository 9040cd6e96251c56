import { MonitorMetric } from '@ml-platform/plugin-ml-common';
import { Knex } from 'knex';
import {
  MonitorReading,
  MonitorSignals,
  MonitorTarget,
  MonitorWindow,
} from './MonitorSignals';
import { planWindows } from '../rollups/hourCoverage';
import {
  histogramPercentile,
  mergeHistograms,
} from '../rollups/latencyHistogram';
import { RollupStore } from '../rollups/RollupStore';

/** The value at quantile `q` of sorted values (nearest rank). */
function quantile(sorted: number[], q: number): number {
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/**
 * Technical metrics of the predictions the gateway recorded in a window:
 * `p95LatencyMs` and `errorRate` (failed / all). Samples are the
 * predictions in the window. A window of whole rolled-up hours is read from
 * the rollups (p95 within 4.9 %, see latencyHistogram.ts).
 */
export class TechnicalSignals implements MonitorSignals {
  constructor(
    private readonly db: Knex,
    private readonly rollups?: RollupStore,
  ) {}

  async read(
    target: MonitorTarget,
    metric: MonitorMetric,
    window: MonitorWindow,
  ): Promise<MonitorReading> {
    const rolled = await this.rolled(target, metric, window);
    if (rolled) return rolled;
    const inWindow = this.db('model_predictions')
      .where({ model_id: target.modelId })
      .andWhere('at_ms', '>=', window.startMs)
      .andWhere('at_ms', '<', window.endMs);
    if (metric.name === 'errorRate') {
      // Counted by the database: no row leaves it.
      const [row] = await inWindow.select(
        this.db.raw('count(*) as ??', ['total']),
        this.db.raw('sum(case when success then 0 else 1 end) as ??', [
          'failed',
        ]),
      );
      const total = Number(row?.total ?? 0);
      if (total === 0) return { samples: 0 };
      return { value: Number(row.failed ?? 0) / total, samples: total };
    }
    if (metric.name === 'p95LatencyMs') {
      // SQLite has no percentile function: the latencies only, sorted here.
      const rows: Array<{ latency_ms: number }> = await inWindow
        .select('latency_ms')
        .orderBy('latency_ms');
      if (rows.length === 0) return { samples: 0 };
      const sorted = rows.map(r => Number(r.latency_ms));
      return { value: quantile(sorted, 0.95), samples: sorted.length };
    }
    return { samples: 0 };
  }

  private async rolled(
    target: MonitorTarget,
    metric: MonitorMetric,
    window: MonitorWindow,
  ): Promise<MonitorReading | undefined> {
    if (!this.rollups) return undefined;
    if (metric.name !== 'errorRate' && metric.name !== 'p95LatencyMs')
      return undefined;
    const span = { fromMs: window.startMs, toMs: window.endMs };
    const plan = planWindows(
      { ...span, stepMs: window.endMs - window.startMs, count: 1 },
      await this.rollups.coveredHours(target.modelId, span),
    );
    const hours = plan.rolled.get(0);
    if (!hours) return undefined;
    const technical = await this.rollups.technical(target.modelId, span);
    let requests = 0;
    let errors = 0;
    const histogram = {};
    for (const hour of hours) {
      const t = technical.get(hour);
      if (!t) continue;
      requests += t.requests;
      errors += t.errors;
      mergeHistograms(histogram, t.histogram);
    }
    if (requests === 0) return { samples: 0 };
    return metric.name === 'errorRate'
      ? { value: errors / requests, samples: requests }
      : { value: histogramPercentile(histogram, 95), samples: requests };
  }
}
