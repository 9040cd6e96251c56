import { combineQuality, spreadPairs } from './rolledQuality';

const pair = (atMs: number) => ({ atMs, prediction: atMs, truth: 0 });

describe('rolled quality', () => {
  it('spreads the pairs over the parts in proportion to their pairs, oldest first', () => {
    const big = {
      count: 3000,
      sample: Array.from({ length: 500 }, (_, i) => pair(1000 + i)),
    };
    const small = {
      count: 1000,
      sample: Array.from({ length: 500 }, (_, i) => pair(i)),
    };
    const out = spreadPairs([big, small], 500);
    expect(out).toHaveLength(500);
    expect(out.filter(p => p.atMs < 1000)).toHaveLength(125);
    expect(out.map(p => p.atMs)).toEqual(
      [...out.map(p => p.atMs)].sort((a, b) => a - b),
    );
    expect(spreadPairs([], 500)).toEqual([]);
  });

  it('adds up label counts of the same pair across hours', () => {
    const hour = {
      count: 2,
      sumAbsError: 0,
      sumSquaredError: 0,
      sumAbsPercentError: 0,
      nonZeroTruthCount: 0,
      sample: [],
    };
    const combined = combineQuality('classification', [
      { ...hour, labelPairs: [{ prediction: 1, truth: 1, count: 2 }] },
      {
        ...hour,
        labelPairs: [
          { prediction: 1, truth: 1, count: 1 },
          { prediction: 0, truth: 1, count: 1 },
        ],
      },
    ]);
    expect(combined?.count).toBe(4);
    expect(combined?.accuracy).toBeCloseTo(0.75, 9);
    expect(combineQuality('regression', [])).toBeUndefined();
  });
});
