import { ModelMetricsBucket } from '@ml-platform/plugin-ml-common';
import { histogramPercentile, mergeHistograms } from './latencyHistogram';
import { MetricSumRollup, TechnicalRollup } from './RollupStore';

/**
 * A bucket of the technical metrics from the rollups of its hours: the
 * counts and metric means as the raw read computes them, the latency
 * percentiles from the histogram (within 4.9 %, see latencyHistogram.ts).
 */
export function rolledBucket(
  at: string,
  hours: number[],
  technical: Map<number, TechnicalRollup>,
  sums: Map<number, Array<MetricSumRollup>>,
): ModelMetricsBucket {
  let requests = 0;
  let errors = 0;
  const histogram = {};
  const totals = new Map<string, MetricSumRollup>();
  for (const hour of hours) {
    const t = technical.get(hour);
    if (t) {
      requests += t.requests;
      errors += t.errors;
      mergeHistograms(histogram, t.histogram);
    }
    for (const s of sums.get(hour) ?? []) {
      const key = `${s.kind}\n${s.name}`;
      const found = totals.get(key);
      if (found) {
        found.count += s.count;
        found.sum += s.sum;
      } else totals.set(key, { ...s });
    }
  }
  const metrics: Record<string, number> = {};
  const delayedMetrics: Record<string, number> = {};
  for (const s of totals.values()) {
    if (s.count > 0)
      (s.kind === 'delayed' ? delayedMetrics : metrics)[s.name] =
        s.sum / s.count;
  }
  return {
    at,
    requests,
    errors,
    metrics,
    delayedMetrics,
    p50Ms: histogramPercentile(histogram, 50),
    p95Ms: histogramPercentile(histogram, 95),
    p99Ms: histogramPercentile(histogram, 99),
  };
}
