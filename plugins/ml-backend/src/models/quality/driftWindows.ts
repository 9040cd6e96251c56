import { DriftWindow } from '@ml-platform/plugin-ml-common';
import { BaselineSample } from './DriftBaselineStore';
import {
  categoricalPsi,
  chiSquare,
  ksTwoSample,
  numericPsi,
} from './driftStatistics';
import { countCategories } from './baselineSamples';

/** A feature's value at a time: a number or a category. */
export interface TimedValue {
  atMs: number;
  value: number | string;
}

/** The drift statistics of values against a baseline (those of the baseline's kind). */
export function driftOf(
  baseline: BaselineSample,
  values: Array<number | string>,
): Omit<DriftWindow, 'start'> {
  if (baseline.type === 'numeric') {
    const numbers = values.filter((v): v is number => typeof v === 'number');
    const ks = ksTwoSample(baseline.values, numbers);
    return {
      count: numbers.length,
      psi: numericPsi(baseline.values, numbers),
      ks: ks?.d,
      ksPValue: ks?.pValue,
    };
  }
  return categoryDrift(baseline.counts, countCategories(values.map(String)));
}

/** The drift statistics of category counts against a categorical baseline. */
export function categoryDrift(
  baseline: Record<string, number>,
  counts: Record<string, number>,
): Omit<DriftWindow, 'start'> {
  const chi = chiSquare(baseline, counts);
  return {
    count: Object.values(counts).reduce((n, c) => n + c, 0),
    psi: categoricalPsi(baseline, counts),
    chiSquare: chi?.statistic,
    chiSquarePValue: chi?.pValue,
  };
}

/** Drift per window from category counts per window start (as SQL groups them). */
export function categoryDriftWindows(range: {
  fromMs: number;
  stepMs: number;
  count: number;
  baseline: Record<string, number>;
  counts: Array<{ startMs: number; category: string; count: number }>;
}): DriftWindow[] {
  const perWindow: Array<Record<string, number>> = Array.from(
    { length: range.count },
    () => ({}),
  );
  for (const c of range.counts) {
    const window =
      perWindow[Math.floor((c.startMs - range.fromMs) / range.stepMs)];
    if (window) window[c.category] = (window[c.category] ?? 0) + c.count;
  }
  return perWindow.map((counts, i) => ({
    start: new Date(range.fromMs + i * range.stepMs).toISOString(),
    ...(Object.keys(counts).length > 0
      ? categoryDrift(range.baseline, counts)
      : { count: 0 }),
  }));
}

/** Drift per window of `stepMs` from `fromMs`; empty windows stay, count 0. */
export function driftWindows(range: {
  fromMs: number;
  stepMs: number;
  count: number;
  baseline: BaselineSample;
  values: TimedValue[];
}): DriftWindow[] {
  const perWindow: Array<Array<number | string>> = Array.from(
    { length: range.count },
    () => [],
  );
  for (const v of range.values) {
    perWindow[Math.floor((v.atMs - range.fromMs) / range.stepMs)]?.push(
      v.value,
    );
  }
  return perWindow.map((values, i) => ({
    start: new Date(range.fromMs + i * range.stepMs).toISOString(),
    ...(values.length > 0 ? driftOf(range.baseline, values) : { count: 0 }),
  }));
}
