import { needsDots, psiLevel, withGaps } from './chartSeries';

describe('chartSeries', () => {
  it('turns missing values into nulls and missing rows into a gap', () => {
    const rows = [{ time: 0, a: 1 }, { time: 60_000 }, { time: 240_000, a: 3 }];
    expect(withGaps(rows, ['a'], 60_000)).toEqual([
      { time: 0, a: 1 },
      { time: 60_000, a: null },
      { time: 120_000, a: null },
      { time: 240_000, a: 3 },
    ]);
  });

  it('asks for dots when a value stands alone or there are few', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ time: i, a: i }));
    expect(needsDots(withGaps(many, ['a'], 1), 'a')).toBe(false);
    const lone = many.map(r => (r.time === 10 ? r : { ...r, a: null }));
    expect(needsDots(lone, 'a')).toBe(true);
    expect(needsDots(many.slice(0, 5), 'a')).toBe(true);
  });

  it('grades PSI as stable, to watch or drifted', () => {
    expect(psiLevel(undefined)).toBe('none');
    expect(psiLevel(0.05)).toBe('ok');
    expect(psiLevel(0.1)).toBe('watch');
    expect(psiLevel(0.25)).toBe('watch');
    expect(psiLevel(0.3)).toBe('drifted');
  });
});
