import { DriftWindow } from '@ml-platform/plugin-ml-common';
import {
  binShares,
  decileEdges,
  kolmogorovSurvival,
  psiOfShares,
  upperBound,
} from '../quality/driftStatistics';

/** Quantile edges of the fine bins a numeric feature's hours are counted in. */
const FINE_BINS = 200;

/**
 * The fine bin edges of a numeric baseline: its 1/200 quantiles
 * (interpolated as the deciles are) and its deciles themselves, so that
 * the decile bins PSI uses are unions of fine bins. Bin i holds values in
 * (edges[i-1], edges[i]], the last bin those above every edge.
 */
export function fineEdges(sortedBaseline: number[]): number[] {
  return binsOf(sortedBaseline).edges;
}

interface BaselineBins {
  edges: number[];
  deciles: number[];
  decileShares: number[];
}

/** Bins per baseline sample: computed once per parsed baseline. */
const binsCache = new WeakMap<number[], BaselineBins>();

function binsOf(sortedBaseline: number[]): BaselineBins {
  let bins = binsCache.get(sortedBaseline);
  if (!bins) {
    const deciles = decileEdges(sortedBaseline);
    bins = {
      edges: computeFineEdges(sortedBaseline),
      deciles,
      decileShares: binShares(sortedBaseline, deciles),
    };
    binsCache.set(sortedBaseline, bins);
  }
  return bins;
}

function computeFineEdges(sortedBaseline: number[]): number[] {
  const n = sortedBaseline.length;
  if (n === 0) return [];
  const edges = new Set(decileEdges(sortedBaseline));
  for (let k = 1; k < FINE_BINS; k++) {
    const pos = (k / FINE_BINS) * (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(n - 1, lo + 1);
    edges.add(
      sortedBaseline[lo] +
        (pos - lo) * (sortedBaseline[hi] - sortedBaseline[lo]),
    );
  }
  return [...edges].sort((a, b) => a - b);
}

/** How many values fall in each fine bin (edges.length + 1 bins). */
export function binCounts(values: number[], edges: number[]): number[] {
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
  return counts;
}

/**
 * Numeric drift from fine bin counts. PSI is exact: the decile bins are
 * sums of fine bins. KS compares the two distribution functions at the fine
 * edges only, so D is at most the baseline's mass in one fine bin below
 * the exact D: 1/200 (0.5 %), or 1/n for a baseline of n < 200 values, more
 * where the baseline has ties. Its p-value is computed from that D as the
 * exact read does.
 */
export function driftOfBins(
  sortedBaseline: number[],
  edges: number[],
  counts: number[],
): Omit<DriftWindow, 'start'> {
  const m = counts.reduce((a, b) => a + b, 0);
  const n = sortedBaseline.length;
  if (m === 0 || n === 0) return { count: m };
  const { deciles, decileShares } = binsOf(sortedBaseline);
  const decileCounts = new Array(deciles.length + 1).fill(0);
  let d = 0;
  let seen = 0;
  let decile = 0;
  for (let i = 0; i < counts.length; i++) {
    if (i === edges.length) decile = deciles.length;
    while (decile < deciles.length && edges[i] > deciles[decile]) decile += 1;
    decileCounts[decile] += counts[i];
    seen += counts[i];
    if (i < edges.length) {
      const diff = Math.abs(
        upperBound(sortedBaseline, edges[i]) / n - seen / m,
      );
      if (diff > d) d = diff;
    }
  }
  const root = Math.sqrt((n * m) / (n + m));
  return {
    count: m,
    psi: psiOfShares(
      decileShares,
      decileCounts.map(c => c / m),
    ),
    ks: d,
    ksPValue: kolmogorovSurvival(d * (root + 0.12 + 0.11 / root)),
  };
}
