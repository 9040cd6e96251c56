import {
  addLatency,
  histogramPercentile,
  LatencyHistogram,
  mergeHistograms,
} from './latencyHistogram';

function exact(sorted: number[], p: number) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

describe('latency histograms', () => {
  it('reads percentiles within 5 % of the exact nearest-rank ones, also merged', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const values = Array.from(
      { length: 5000 },
      () => 0.05 + Math.exp(random() * 9),
    );
    const first: LatencyHistogram = {};
    const second: LatencyHistogram = {};
    values.forEach((v, i) => addLatency(i % 2 ? first : second, v));
    const merged = mergeHistograms(mergeHistograms({}, first), second);
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [1, 50, 95, 99, 100]) {
      const read = histogramPercentile(merged, p)!;
      expect(Math.abs(read / exact(sorted, p) - 1)).toBeLessThanOrEqual(0.049);
    }
  });

  it('has no percentile when empty, and puts tiny latencies at 0', () => {
    expect(histogramPercentile({}, 95)).toBeUndefined();
    const h: LatencyHistogram = {};
    addLatency(h, 0);
    addLatency(h, 0.001);
    expect(histogramPercentile(h, 50)).toBe(0);
  });
});
