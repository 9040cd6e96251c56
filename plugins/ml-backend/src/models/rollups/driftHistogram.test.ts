import { ksTwoSample, numericPsi } from '../quality/driftStatistics';
import { binCounts, driftOfBins, fineEdges } from './driftHistogram';

describe('numeric drift from fine bins', () => {
  let seed = 11;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const baseline = Array.from({ length: 10_000 }, () => random() * 10).sort(
    (a, b) => a - b,
  );

  it.each([0, 0.5, 3, -20])(
    'gives the exact PSI and a KS within 1 %% below the exact one (shift %p)',
    shift => {
      const values = Array.from(
        { length: 3000 },
        () => random() * 10 + shift + (random() < 0.1 ? 5 : 0),
      );
      const edges = fineEdges(baseline);
      const drift = driftOfBins(baseline, edges, binCounts(values, edges));
      expect(drift.count).toBe(values.length);
      expect(drift.psi).toBeCloseTo(numericPsi(baseline, values)!, 9);
      const exact = ksTwoSample(baseline, values)!.d;
      expect(drift.ks!).toBeLessThanOrEqual(exact + 1e-12);
      expect(drift.ks!).toBeGreaterThanOrEqual(exact - 0.01);
    },
  );

  it('has no statistics without values', () => {
    const edges = fineEdges(baseline);
    expect(driftOfBins(baseline, edges, binCounts([], edges))).toEqual({
      count: 0,
    });
  });
});
