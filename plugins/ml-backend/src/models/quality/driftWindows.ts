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
  const counts = countCategories(values.map(String));
  const chi = chiSquare(baseline.counts, counts);
  return {
    count: values.length,
    psi: categoricalPsi(baseline.counts, counts),
    chiSquare: chi?.statistic,
    chiSquarePValue: chi?.pValue,
  };
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
