import { HOUR_MS, planWindows } from './hourCoverage';

const H = 100 * HOUR_MS;

describe('planWindows', () => {
  it('takes whole covered hours from rollups and reads the rest raw in runs', () => {
    const covered = new Set([H, H + HOUR_MS, H + 3 * HOUR_MS]);
    const plan = planWindows(
      { fromMs: H, toMs: H + 4 * HOUR_MS + 600_000, stepMs: HOUR_MS, count: 5 },
      covered,
    );
    expect([...plan.rolled]).toEqual([
      [0, [H]],
      [1, [H + HOUR_MS]],
      [3, [H + 3 * HOUR_MS]],
    ]);
    expect(plan.raw).toEqual([
      { fromMs: H + 2 * HOUR_MS, toMs: H + 3 * HOUR_MS },
      { fromMs: H + 4 * HOUR_MS, toMs: H + 4 * HOUR_MS + 600_000 },
    ]);
  });

  it('reads raw windows that are not whole hours or only partly covered', () => {
    const covered = new Set([H, H + HOUR_MS]);
    expect(
      planWindows(
        { fromMs: H, toMs: H + HOUR_MS, stepMs: 300_000, count: 12 },
        covered,
      ).rolled.size,
    ).toBe(0);
    const twoHours = planWindows(
      { fromMs: H, toMs: H + 4 * HOUR_MS, stepMs: 2 * HOUR_MS, count: 2 },
      covered,
    );
    expect([...twoHours.rolled]).toEqual([[0, [H, H + HOUR_MS]]]);
    expect(twoHours.raw).toEqual([
      { fromMs: H + 2 * HOUR_MS, toMs: H + 4 * HOUR_MS },
    ]);
    expect(
      planWindows(
        {
          fromMs: H + 60_000,
          toMs: H + 60_000 + HOUR_MS,
          stepMs: HOUR_MS,
          count: 1,
        },
        new Set([H, H + HOUR_MS]),
      ).rolled.size,
    ).toBe(0);
  });
});
