import { ModelMetricsBucket } from '@ml-platform/plugin-ml-common';
import { MetricKind } from './MetricPointStore';

function percentile(sorted: number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * Puts a model's predictions and the metric means into `count` buckets of
 * `stepMs` from `fromMs`: requests, errors, latency percentiles and the
 * means of tracked and delayed metrics per bucket. Empty buckets stay, so a
 * chart shows the gaps.
 */
export function metricBuckets(range: {
  fromMs: number;
  stepMs: number;
  count: number;
  latencies: Array<{ atMs: number; latencyMs: number; success: boolean }>;
  means: Array<{
    bucketMs: number;
    kind: MetricKind;
    name: string;
    mean: number;
  }>;
}): ModelMetricsBucket[] {
  const { fromMs, stepMs } = range;
  const buckets: Array<ModelMetricsBucket & { latencies: number[] }> = [];
  for (let i = 0; i < range.count; i++) {
    buckets.push({
      at: new Date(fromMs + i * stepMs).toISOString(),
      requests: 0,
      errors: 0,
      metrics: {},
      delayedMetrics: {},
      latencies: [],
    });
  }
  for (const p of range.latencies) {
    const bucket = buckets[Math.floor((p.atMs - fromMs) / stepMs)];
    bucket.requests += 1;
    if (!p.success) bucket.errors += 1;
    bucket.latencies.push(p.latencyMs);
  }
  for (const m of range.means) {
    const bucket = buckets[Math.floor((m.bucketMs - fromMs) / stepMs)];
    if (bucket)
      (m.kind === 'delayed' ? bucket.delayedMetrics : bucket.metrics)[m.name] =
        m.mean;
  }
  return buckets.map(({ latencies: values, ...bucket }) => {
    values.sort((a, b) => a - b);
    return {
      ...bucket,
      p50Ms: percentile(values, 50),
      p95Ms: percentile(values, 95),
      p99Ms: percentile(values, 99),
    };
  });
}
