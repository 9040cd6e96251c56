/**
 * Latency histograms on fixed log-spaced buckets, so that an hour's
 * latencies are stored as a few dozen counts and hours add up.
 *
 * Bucket 0 holds latencies below {@link BASE_MS}; bucket i > 0 holds
 * [BASE_MS * RATIO^(i-1), BASE_MS * RATIO^i). A percentile read from the
 * histogram is its bucket's geometric middle, so it is within
 * sqrt(RATIO) - 1 = 4.9 % of the exact (nearest-rank) percentile, or
 * within BASE_MS of it below BASE_MS.
 */
export const BASE_MS = 0.01;
export const RATIO = 1.1;
const LOG_RATIO = Math.log(RATIO);

/** Counts per bucket index. */
export type LatencyHistogram = Record<number, number>;

export function latencyBucket(latencyMs: number): number {
  if (!(latencyMs >= BASE_MS)) return 0;
  // The epsilon keeps exact bucket edges (e.g. 0.011 ms) in their own bucket.
  return Math.floor(Math.log(latencyMs / BASE_MS) / LOG_RATIO + 1e-9) + 1;
}

function bucketValue(bucket: number): number {
  return bucket === 0 ? 0 : BASE_MS * Math.pow(RATIO, bucket - 0.5);
}

export function addLatency(histogram: LatencyHistogram, latencyMs: number) {
  const bucket = latencyBucket(latencyMs);
  histogram[bucket] = (histogram[bucket] ?? 0) + 1;
}

export function mergeHistograms(
  into: LatencyHistogram,
  from: LatencyHistogram,
): LatencyHistogram {
  for (const [bucket, count] of Object.entries(from))
    into[Number(bucket)] = (into[Number(bucket)] ?? 0) + count;
  return into;
}

/** The nearest-rank percentile `p` (0-100), as its bucket's middle. */
export function histogramPercentile(
  histogram: LatencyHistogram,
  p: number,
): number | undefined {
  const buckets = Object.keys(histogram)
    .map(Number)
    .sort((a, b) => a - b);
  const total = buckets.reduce((n, b) => n + histogram[b], 0);
  if (total === 0) return undefined;
  const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)));
  let seen = 0;
  for (const bucket of buckets) {
    seen += histogram[bucket];
    if (seen >= rank) return bucketValue(bucket);
  }
  return bucketValue(buckets[buckets.length - 1]);
}
