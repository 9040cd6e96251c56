import { MonitorMetric } from '@ml-platform/plugin-ml-common';
import { Knex } from 'knex';
import {
  MonitorReading,
  MonitorSignals,
  MonitorTarget,
  MonitorWindow,
} from './MonitorSignals';

/** The value at quantile `q` of sorted values (nearest rank). */
function quantile(sorted: number[], q: number): number {
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/**
 * Technical metrics of the predictions the gateway recorded in a window:
 * `p95LatencyMs` and `errorRate` (failed / all). Samples are the
 * predictions in the window.
 */
export class TechnicalSignals implements MonitorSignals {
  constructor(private readonly db: Knex) {}

  async read(
    target: MonitorTarget,
    metric: MonitorMetric,
    window: MonitorWindow,
  ): Promise<MonitorReading> {
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
}
