import { ModelMetrics } from '@ml-platform/plugin-ml-common';

/** A model's traffic over a metrics range, for an at-a-glance card. */
export interface MetricsSummary {
  requests: number;
  errors: number;
  /** p95 latency of the newest bucket that had requests. */
  latestP95Ms?: number;
}

/** Sums requests and errors over the range; p95 from the newest busy bucket. */
export function summarizeMetrics(metrics: ModelMetrics): MetricsSummary {
  let requests = 0;
  let errors = 0;
  let latestP95Ms: number | undefined;
  let latestAt = '';
  for (const bucket of metrics.buckets) {
    requests += bucket.requests;
    errors += bucket.errors;
    if (
      bucket.requests > 0 &&
      bucket.p95Ms !== undefined &&
      bucket.at >= latestAt
    ) {
      latestAt = bucket.at;
      latestP95Ms = bucket.p95Ms;
    }
  }
  return { requests, errors, latestP95Ms };
}
