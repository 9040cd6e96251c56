import { ModelMetrics } from '@ml-platform/plugin-ml-common';

/**
 * A time range the monitoring page offers, with a step that gives 25–170
 * points. Ranges of a day or more step by the hour: whole hours are read
 * from the backend's hourly rollups, not from each prediction.
 */
export interface MetricsRange {
  id: string;
  label: string;
  seconds: number;
  stepSeconds: number;
}

export const METRICS_RANGES: MetricsRange[] = [
  { id: '15m', label: 'Last 15 minutes', seconds: 15 * 60, stepSeconds: 15 },
  { id: '1h', label: 'Last hour', seconds: 3600, stepSeconds: 60 },
  { id: '24h', label: 'Last 24 hours', seconds: 86400, stepSeconds: 3600 },
  { id: '7d', label: 'Last 7 days', seconds: 7 * 86400, stepSeconds: 3600 },
];

/**
 * The range ending now, starting on a step boundary: windows then stay the
 * same from one refresh to the next (and whole hours match the backend's
 * rollups); the last one is the step under way.
 */
export function rangeQuery(range: MetricsRange, now: number) {
  const stepMs = range.stepSeconds * 1000;
  const from = Math.floor((now - range.seconds * 1000) / stepMs) * stepMs;
  return {
    from: new Date(from).toISOString(),
    to: new Date(now).toISOString(),
    stepSeconds: range.stepSeconds,
  };
}

/** One bucket, flat for recharts; `time` is epoch ms for a numeric axis. */
export interface TrafficPoint {
  time: number;
  requests: number;
  /** Requests per second over the bucket. */
  throughput: number;
  errors: number;
  /** Percent of the bucket's requests that failed; 0 without requests. */
  errorRate: number;
  p50?: number;
  p95?: number;
  p99?: number;
}

export function trafficSeries(metrics: ModelMetrics): TrafficPoint[] {
  return metrics.buckets.map(b => ({
    time: Date.parse(b.at),
    requests: b.requests,
    throughput: b.requests / metrics.stepSeconds,
    errors: b.errors,
    errorRate: b.requests > 0 ? (100 * b.errors) / b.requests : 0,
    p50: b.p50Ms,
    p95: b.p95Ms,
    p99: b.p99Ms,
  }));
}

/**
 * Usage samples pivoted to one row per time with `cpu_<replica>` and
 * `memory_<replica>` columns, and the replicas that appear.
 */
export function usageSeries(metrics: ModelMetrics): {
  replicas: number[];
  points: Array<{ time: number } & Record<string, number>>;
} {
  const rows = new Map<number, { time: number } & Record<string, number>>();
  const replicas = new Set<number>();
  for (const sample of metrics.usage) {
    const time = Date.parse(sample.at);
    const row = rows.get(time) ?? { time };
    row[`cpu_${sample.replica}`] = sample.cpu;
    row[`memory_${sample.replica}`] = sample.memoryMiB;
    rows.set(time, row);
    replicas.add(sample.replica);
  }
  return {
    replicas: [...replicas].sort((a, b) => a - b),
    points: [...rows.values()].sort((a, b) => a.time - b.time),
  };
}

/** The names of the tracked and of the delayed metrics in the range. */
export function metricNames(metrics: ModelMetrics): {
  tracked: string[];
  delayed: string[];
} {
  const tracked = new Set<string>();
  const delayed = new Set<string>();
  for (const b of metrics.buckets) {
    Object.keys(b.metrics).forEach(n => tracked.add(n));
    Object.keys(b.delayedMetrics).forEach(n => delayed.add(n));
  }
  return { tracked: [...tracked].sort(), delayed: [...delayed].sort() };
}

/**
 * A tracked metric (the prediction) beside a delayed one (the ground truth
 * that arrived later) per bucket; buckets with neither are left out.
 */
export function accuracySeries(
  metrics: ModelMetrics,
  tracked: string,
  delayed: string,
): Array<{ time: number; tracked?: number; delayed?: number }> {
  return metrics.buckets
    .map(b => ({
      time: Date.parse(b.at),
      tracked: b.metrics[tracked],
      delayed: b.delayedMetrics[delayed],
    }))
    .filter(p => p.tracked !== undefined || p.delayed !== undefined);
}

/** Axis ticks: times of day for short ranges, dates for a week. */
export function formatTick(time: number, range: MetricsRange): string {
  const date = new Date(time);
  if (range.seconds > 86400) {
    return date.toLocaleDateString(undefined, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
    });
  }
  return date.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
  });
}
