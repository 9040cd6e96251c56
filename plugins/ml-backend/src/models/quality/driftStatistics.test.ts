import {
  categoricalPsi,
  chiSquare,
  decileEdges,
  kolmogorovSurvival,
  ksTwoSample,
  numericPsi,
  PSI_EPSILON,
  upperIncompleteGammaQ,
} from './driftStatistics';

// Fixed samples; the reference values below were computed once with
// python3 + scipy 1.17.1 / numpy:
//   stats.ks_2samp(base, current, method='asymp')
//   PSI: edges = np.unique(np.quantile(base, [.1 … .9])),
//        bins by np.searchsorted(edges, v, side='left'), shares floored at 1e-4
//   stats.kstwobign.sf(x), stats.chi2.sf(x, k), stats.chisquare(obs, f_exp)
const base = Array.from({ length: 60 }, (_, i) => (((i + 1) * 37) % 101) / 10);
const current = Array.from(
  { length: 40 },
  (_, i) => (((i + 1) * 53) % 97) / 10 + 1.5,
);
const sortedBase = [...base].sort((a, b) => a - b);

describe('ksTwoSample', () => {
  it('matches scipy ks_2samp(method="asymp")', () => {
    const result = ksTwoSample(sortedBase, current)!;
    expect(result.d).toBeCloseTo(0.15833333333333333, 12);
    // scipy's p-value is kstwo.sf(D, round(en)); ours Stephens' correction
    // of the limit (see ksTwoSample): within 3 % at en = 24.
    expect(result.pValue / 0.5325030680318088).toBeCloseTo(1, 1);
    // kstwobign.sf(D * (sqrt(24) + 0.12 + 0.11 / sqrt(24))) exactly.
    expect(result.pValue).toBeCloseTo(0.5470299480695464, 10);
  });

  it('comes close to scipy on larger samples', () => {
    // 3000 and 2000 values: scipy D 0.044333…, p 0.017341054168273366.
    const big = Array.from(
      { length: 3000 },
      (_, i) => (((i + 1) * 7919) % 10007) / 100,
    ).sort((a, b) => a - b);
    const other = Array.from(
      { length: 2000 },
      (_, i) => ((((i + 1) * 104729) % 9973) / 100) * 1.05,
    );
    const result = ksTwoSample(big, other)!;
    expect(result.d).toBeCloseTo(0.044333333333333336, 12);
    expect(Math.abs(result.pValue / 0.017341054168273366 - 1)).toBeLessThan(
      0.005,
    );
  });

  it('finds two halves of one sample alike', () => {
    const first = [...base.slice(0, 30)].sort((a, b) => a - b);
    const result = ksTwoSample(first, base.slice(30))!;
    expect(result.d).toBeCloseTo(0.03333333333333344, 12);
    expect(result.pValue).toBeCloseTo(1, 8);
  });

  it('is 1 for samples that do not overlap, and undefined for an empty one', () => {
    expect(ksTwoSample([1, 2, 3], [10, 11])!.d).toBe(1);
    expect(ksTwoSample([], [1])).toBeUndefined();
    expect(ksTwoSample([1], [])).toBeUndefined();
  });
});

describe('kolmogorovSurvival', () => {
  it.each([
    [0.1, 1.0],
    [0.3, 0.9999906941986655],
    [0.5, 0.9639452436648751],
    [0.8, 0.5441424115741981],
    [1.0, 0.26999967167735456],
    [1.36, 0.049485876755377876],
    [2.0, 0.0006709252557796953],
  ])('matches scipy kstwobign.sf(%p)', (x, expected) => {
    expect(kolmogorovSurvival(x)).toBeCloseTo(expected, 10);
  });
});

describe('upperIncompleteGammaQ', () => {
  it.each([
    [3.84, 1, 0.05004352124870519],
    [10, 4, 0.04042768199451279],
    [0.5, 3, 0.9188914116546758],
    [25, 10, 0.005345505487134069],
    [100, 49, 2.3646111089850406e-5],
  ])('gives scipy chi2.sf(%p, %p)', (x, dof, expected) => {
    const q = upperIncompleteGammaQ(dof / 2, x / 2);
    expect(q).toBeCloseTo(expected, 10);
    expect(Math.abs(q - expected) / expected).toBeLessThan(1e-8);
  });
});

describe('numericPsi', () => {
  it('matches numpy decile bins with a 1e-4 floor', () => {
    expect(PSI_EPSILON).toBe(1e-4);
    expect(numericPsi(sortedBase, current)).toBeCloseTo(0.763175806436627, 10);
  });

  it('is 0 for the baseline itself and undefined for an empty side', () => {
    expect(numericPsi(sortedBase, base)).toBeCloseTo(0, 12);
    expect(numericPsi([], [1])).toBeUndefined();
    expect(numericPsi([1], [])).toBeUndefined();
  });

  it('merges repeated deciles of a baseline with few distinct values', () => {
    // numpy: unique(quantile(...)) = [0, 0.2, 1].
    const edges = decileEdges([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(edges).toHaveLength(3);
    [0, 0.2, 1].forEach((edge, i) => expect(edges[i]).toBeCloseTo(edge, 12));
    // All new values land above the baseline's top bin edge.
    expect(numericPsi([0, 0, 0, 0, 0, 0, 0, 0, 1, 1], [5, 5])).toBeGreaterThan(
      1,
    );
  });
});

describe('categoricalPsi', () => {
  it('follows the textbook formula over bins', () => {
    // Worked by hand from the definition PSI = Σ (A - E) ln(A / E):
    // E = (.5, .3, .2), A = (.3, .4, .3):
    // (-.2) ln(.6) + (.1) ln(4/3) + (.1) ln(1.5) = 0.17148…
    const expected =
      -0.2 * Math.log(0.6) + 0.1 * Math.log(4 / 3) + 0.1 * Math.log(1.5);
    expect(
      categoricalPsi({ a: 50, b: 30, c: 20 }, { a: 30, b: 40, c: 30 }),
    ).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(0.17148, 5);
  });

  it('gives a category one side lacks the epsilon share', () => {
    const psi = categoricalPsi({ a: 1 }, { a: 1, b: 1 })!;
    expect(psi).toBeCloseTo(
      (0.5 - 1) * Math.log(0.5) +
        (0.5 - PSI_EPSILON) * Math.log(0.5 / PSI_EPSILON),
      12,
    );
    expect(categoricalPsi({}, { a: 1 })).toBeUndefined();
  });
});

describe('chiSquare', () => {
  it('matches scipy chisquare against the baseline shares', () => {
    const result = chiSquare({ a: 40, b: 35, c: 25 }, { a: 30, b: 45, c: 25 })!;
    expect(result.statistic).toBeCloseTo(5.357142857142858, 12);
    expect(result.pValue).toBeCloseTo(0.06866117151308498, 10);
  });

  it('counts a category the baseline never saw heavily', () => {
    const result = chiSquare(
      { red: 50, green: 30, blue: 20 },
      { red: 30, green: 40, blue: 25, violet: 5 },
    )!;
    expect(result.statistic).toBeCloseTo(2502.5933333333337, 8);
    expect(result.pValue).toBeLessThan(1e-100);
  });

  it('is undefined with one category or an empty side', () => {
    expect(chiSquare({ a: 3 }, { a: 2 })).toBeUndefined();
    expect(chiSquare({ a: 3, b: 1 }, {})).toBeUndefined();
  });
});
