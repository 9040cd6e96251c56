import { QualityWindow } from '@ml-platform/plugin-ml-common';
import {
  classificationQuality,
  LabelPairCount,
  regressionQuality,
  RegressionSums,
} from '../quality/qualityMetrics';
import { EffectiveSettings } from '../quality/qualitySettings';
import { QualityRollup, SamplePair } from './RollupStore';

/**
 * A window's quality from the rollups of its hours (and deployments): the
 * same sums and label counts the raw read aggregates, added up.
 */
export function combineQuality(
  task: EffectiveSettings['task'],
  rollups: QualityRollup[],
): Omit<QualityWindow, 'start'> | undefined {
  const count = rollups.reduce((n, r) => n + r.count, 0);
  if (count === 0) return undefined;
  if (task === 'regression') {
    const sums: RegressionSums = {
      count,
      sumAbsError: 0,
      sumSquaredError: 0,
      sumAbsPercentError: 0,
      nonZeroTruthCount: 0,
    };
    for (const r of rollups) {
      sums.sumAbsError += r.sumAbsError;
      sums.sumSquaredError += r.sumSquaredError;
      sums.sumAbsPercentError += r.sumAbsPercentError;
      sums.nonZeroTruthCount += r.nonZeroTruthCount;
    }
    return { count, ...regressionQuality(sums) };
  }
  const pairs = new Map<string, LabelPairCount>();
  for (const r of rollups) {
    for (const p of r.labelPairs ?? []) {
      const key = `${p.prediction}\n${p.truth}`;
      const found = pairs.get(key);
      if (found) found.count += p.count;
      else pairs.set(key, { ...p });
    }
  }
  return { count, ...classificationQuality([...pairs.values()]) };
}

/**
 * Up to `max` pairs from parts of a range (an hour's sample, a raw read),
 * each part contributing in proportion to the pairs it stands for, evenly
 * picked from its sample; oldest first.
 */
export function spreadPairs(
  parts: Array<{ count: number; sample: SamplePair[] }>,
  max: number,
): SamplePair[] {
  const total = parts.reduce((n, p) => n + p.count, 0);
  if (total === 0) return [];
  const out: SamplePair[] = [];
  for (const { count, sample } of parts) {
    const share = Math.min(sample.length, Math.ceil((max * count) / total));
    const stride = sample.length / Math.max(1, share);
    for (let i = 0; i < share; i++) out.push(sample[Math.floor(i * stride)]);
  }
  out.sort((a, b) => a.atMs - b.atMs);
  return out.slice(0, max);
}

/** What the quality rows of an hour were computed for; null when unconfigured. */
export function qualityKey(settings: EffectiveSettings): string | null {
  if (!settings.predictionMetric || !settings.truthMetric) return null;
  return [settings.task, settings.predictionMetric, settings.truthMetric].join(
    '\n',
  );
}
