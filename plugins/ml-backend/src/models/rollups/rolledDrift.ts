import { createHash } from 'crypto';
import { DriftWindow, MonitoredFeature } from '@ml-platform/plugin-ml-common';
import { StoredDriftBaseline } from '../quality/DriftBaselineStore';
import { categoryDrift } from '../quality/driftWindows';
import { driftFeatures, EffectiveSettings } from '../quality/qualitySettings';
import { driftOfBins, fineEdges } from './driftHistogram';
import { DriftRollup } from './RollupStore';

/** A drift feature whose hours are rolled up, with its baseline. */
export interface RolledFeature {
  feature: MonitoredFeature;
  baseline: StoredDriftBaseline;
}

/**
 * The drift features that are rolled up: those whose baseline is of the
 * feature's own type (a categorical baseline of a categorical feature, a
 * numeric one of a numeric feature). Others are always read raw.
 */
export function rolledFeatures(
  settings: EffectiveSettings,
  baselines: StoredDriftBaseline[],
): RolledFeature[] {
  const byName = new Map(baselines.map(b => [b.feature, b]));
  return driftFeatures(settings).flatMap(feature => {
    const baseline = byName.get(feature.name);
    return baseline && baseline.sample.type === feature.type
      ? [{ feature, baseline }]
      : [];
  });
}

/**
 * What an hour's drift rows were computed for: the rolled features, their
 * baselines and the prediction metric. Null when there are none.
 */
export function driftKey(
  settings: EffectiveSettings,
  features: RolledFeature[],
): string | null {
  if (features.length === 0) return null;
  const described = JSON.stringify({
    prediction: settings.predictionMetric ?? null,
    features: features.map(f => [
      f.feature.name,
      f.feature.type,
      f.baseline.createdAtMs,
      f.baseline.size,
    ]),
  });
  return createHash('sha1').update(described).digest('hex');
}

/** A window's drift from the rolled-up counts of its hours (and deployments). */
export function combineDrift(
  rolled: RolledFeature,
  counts: Array<DriftRollup['counts']>,
): Omit<DriftWindow, 'start'> {
  const { sample } = rolled.baseline;
  if (sample.type === 'categorical') {
    const total: Record<string, number> = {};
    for (const c of counts as Array<Record<string, number>>)
      for (const [category, n] of Object.entries(c))
        total[category] = (total[category] ?? 0) + n;
    return Object.keys(total).length > 0
      ? categoryDrift(sample.counts, total)
      : { count: 0 };
  }
  const edges = fineEdges(sample.values);
  const bins = new Array(edges.length + 1).fill(0);
  for (const c of counts as number[][])
    c.forEach((n, i) => {
      bins[i] += n;
    });
  return driftOfBins(sample.values, edges, bins);
}
