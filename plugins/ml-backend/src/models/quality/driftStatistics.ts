/**
 * Drift statistics of a sample against its baseline, written out because no
 * maintained JS package offers two-sample KS and PSI together.
 */

/**
 * What an empty bin counts as in PSI, as a share: ln(0) is undefined, so a
 * bin no value fell in is given this share instead (the usual 1e-4).
 */
export const PSI_EPSILON = 1e-4;

/** PSI over matching shares: sum of (actual - expected) * ln(actual / expected). */
export function psiOfShares(expected: number[], actual: number[]): number {
  let psi = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i], PSI_EPSILON);
    const a = Math.max(actual[i], PSI_EPSILON);
    psi += (a - e) * Math.log(a / e);
  }
  return psi;
}

/** Index of the first element of a sorted array greater than `value`. */
export function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The inner cut points of the baseline's deciles (linear interpolation, as
 * numpy's default quantile), without repeats so no bin is empty by
 * construction.
 */
export function decileEdges(sortedBaseline: number[]): number[] {
  const n = sortedBaseline.length;
  const edges: number[] = [];
  for (let k = 1; k < 10; k++) {
    const pos = (k / 10) * (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(n - 1, lo + 1);
    const edge =
      sortedBaseline[lo] +
      (pos - lo) * (sortedBaseline[hi] - sortedBaseline[lo]);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

/** Shares of the values in the bins (-inf, e0], (e0, e1], …, (e_last, inf). */
export function binShares(values: number[], edges: number[]): number[] {
  const counts = new Array(edges.length + 1).fill(0);
  for (const v of values) {
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    counts[lo] += 1;
  }
  return counts.map(c => c / values.length);
}

/**
 * Population stability index of numeric values against a baseline: bins
 * are the baseline's deciles, an empty bin counts as {@link PSI_EPSILON}.
 * Undefined when either side is empty.
 */
export function numericPsi(
  sortedBaseline: number[],
  values: number[],
): number | undefined {
  if (sortedBaseline.length === 0 || values.length === 0) return undefined;
  const edges = decileEdges(sortedBaseline);
  return psiOfShares(
    binShares(sortedBaseline, edges),
    binShares(values, edges),
  );
}

/** PSI of category counts; categories of either side make the bins. */
export function categoricalPsi(
  baseline: Record<string, number>,
  counts: Record<string, number>,
): number | undefined {
  const categories = [...new Set([...keys(baseline), ...keys(counts)])];
  const baseTotal = total(baseline);
  const total_ = total(counts);
  if (baseTotal === 0 || total_ === 0) return undefined;
  return psiOfShares(
    categories.map(c => (baseline[c] ?? 0) / baseTotal),
    categories.map(c => (counts[c] ?? 0) / total_),
  );
}

function keys(counts: Record<string, number>) {
  return Object.keys(counts).filter(k => counts[k] > 0);
}

function total(counts: Record<string, number>) {
  return Object.values(counts).reduce((sum, c) => sum + c, 0);
}

/**
 * The Kolmogorov distribution's survival function, P(K > x) =
 * 2 Σ (-1)^(k-1) exp(-2 k² x²), scipy's `kstwobign.sf`.
 */
export function kolmogorovSurvival(x: number): number {
  if (x <= 0) return 1;
  // Below ~0.2 the alternating series converges too slowly; use the
  // equivalent theta-function form of the CDF there.
  if (x < 1) {
    const w = Math.PI ** 2 / (8 * x * x);
    let cdf = 0;
    for (let k = 1; k <= 20; k += 2) cdf += Math.exp(-k * k * w);
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / x) * cdf));
  }
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * x * x);
    sum += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-16) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * Two-sample Kolmogorov–Smirnov: D = sup |F1 - F2| and its asymptotic
 * two-sided p-value: the Kolmogorov distribution at D·(√en + 0.12 +
 * 0.11/√en), en = n·m / (n + m) (Stephens' finite-sample correction).
 * scipy's `ks_2samp(method='asymp')` evaluates the exact one-sample
 * distribution at round(en) instead (`kstwo.sf`, several algorithms by
 * size); the correction stays within a few percent of it while the plain
 * limit (D·√en) overstates small-sample p-values by up to 20 %.
 * Undefined when either sample is empty.
 */
export function ksTwoSample(
  sortedBaseline: number[],
  values: number[],
): { d: number; pValue: number } | undefined {
  const n = sortedBaseline.length;
  const m = values.length;
  if (n === 0 || m === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  let d = 0;
  for (const x of [...sortedBaseline, ...sorted]) {
    const diff = Math.abs(
      upperBound(sortedBaseline, x) / n - upperBound(sorted, x) / m,
    );
    if (diff > d) d = diff;
  }
  const root = Math.sqrt((n * m) / (n + m));
  return { d, pValue: kolmogorovSurvival(d * (root + 0.12 + 0.11 / root)) };
}

/** ln Γ(x), Lanczos approximation (g = 7, 9 terms). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028,
    771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5)
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return (
    0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a)
  );
}

/**
 * The regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a): the
 * series of P below a + 1, the continued fraction (Lentz) above.
 */
export function upperIncompleteGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lnPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(lnPrefix) * h);
}

/**
 * Pearson's chi-square of observed category counts against the baseline's
 * shares (expected = share × observed total), over the baseline's
 * categories plus any new ones, with its p-value at k - 1 degrees of
 * freedom. A category the baseline never saw expects {@link PSI_EPSILON}
 * of the total, so it counts heavily instead of dividing by zero.
 * Undefined when either side is empty or there is one category only.
 */
export function chiSquare(
  baseline: Record<string, number>,
  counts: Record<string, number>,
): { statistic: number; pValue: number } | undefined {
  const categories = [...new Set([...keys(baseline), ...keys(counts)])];
  const baseTotal = total(baseline);
  const observedTotal = total(counts);
  if (baseTotal === 0 || observedTotal === 0 || categories.length < 2)
    return undefined;
  let statistic = 0;
  for (const c of categories) {
    const share = Math.max((baseline[c] ?? 0) / baseTotal, PSI_EPSILON);
    const expected = share * observedTotal;
    const observed = counts[c] ?? 0;
    statistic += (observed - expected) ** 2 / expected;
  }
  const dof = categories.length - 1;
  return {
    statistic,
    pValue: upperIncompleteGammaQ(dof / 2, statistic / 2),
  };
}
