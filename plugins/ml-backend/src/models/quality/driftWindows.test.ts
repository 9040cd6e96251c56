import { categoryDriftWindows, driftWindows } from './driftWindows';

describe('categoryDriftWindows', () => {
  it('gives what driftWindows gives for the same values, counted', () => {
    const baseline = { a: 50, b: 30, c: 20 };
    const values = [
      ...['a', 'a', 'b', 'c', 'c', 'c'].map((value, i) => ({ atMs: i, value })),
      ...['b', 'b', 'd'].map((value, i) => ({ atMs: 20 + i, value })),
    ];
    const counts = new Map<string, number>();
    for (const v of values) {
      const key = `${Math.floor(v.atMs / 10) * 10}|${v.value}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const range = { fromMs: 0, stepMs: 10, count: 4 };
    expect(
      categoryDriftWindows({
        ...range,
        baseline,
        counts: [...counts].map(([key, count]) => {
          const [start, category] = key.split('|');
          return { startMs: Number(start), category, count };
        }),
      }),
    ).toEqual(
      driftWindows({
        ...range,
        baseline: { type: 'categorical', counts: baseline },
        values,
      }),
    );
  });
});
