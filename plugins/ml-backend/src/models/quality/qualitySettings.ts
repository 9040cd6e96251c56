import { InputError } from '@backstage/errors';
import {
  DriftBaseline,
  ModelMonitoringSettingsInput,
  MonitoredFeature,
  PREDICTION_FEATURE,
} from '@ml-platform/plugin-ml-common';
import { categoryValue } from './baselineSamples';
import { StoredDriftBaseline } from './DriftBaselineStore';
import {
  MonitoringSettingsStore,
  StoredMonitoringSettings,
} from './MonitoringSettingsStore';
import { FeatureValue } from './PredictionInputStore';

/** The effective settings: the stored ones, or the defaults. */
export type EffectiveSettings = Omit<
  StoredMonitoringSettings,
  'source' | 'updatedAtMs'
> & {
  stored?: StoredMonitoringSettings;
};

/** Settings of a model never configured. */
export const DEFAULT_MONITORING_SETTINGS = {
  task: 'regression',
  predictionMetric: 'prediction',
  truthMetric: 'actual',
  features: [],
  baselineSize: 10_000,
} as const;

/** The model's stored settings, or the defaults when it has none. */
export async function effectiveSettings(
  store: MonitoringSettingsStore,
  modelId: string,
): Promise<EffectiveSettings> {
  const stored = await store.get(modelId);
  if (!stored) return { modelId, ...DEFAULT_MONITORING_SETTINGS, features: [] };
  return { ...stored, stored };
}

export function settingsOfInput(
  modelId: string,
  input: ModelMonitoringSettingsInput,
) {
  return {
    modelId,
    task: input.task,
    predictionMetric: input.predictionMetric,
    truthMetric: input.truthMetric,
    features: input.features ?? [],
    baselineSize:
      input.baselineSize ?? DEFAULT_MONITORING_SETTINGS.baselineSize,
  };
}

/** The declared features and the prediction itself (when named). */
export function driftFeatures(settings: EffectiveSettings): MonitoredFeature[] {
  const features = settings.features.filter(f => f.name !== PREDICTION_FEATURE);
  if (!settings.predictionMetric) return features;
  return [
    ...features,
    {
      name: PREDICTION_FEATURE,
      type: settings.task === 'classification' ? 'categorical' : 'numeric',
    },
  ];
}

export function inputValue(
  feature: MonitoredFeature,
  v: FeatureValue,
): number | string | undefined {
  if (feature.type === 'numeric') return v.numValue;
  return v.textValue ?? categoryValue(v.numValue);
}

export function toDriftBaseline(b: StoredDriftBaseline): DriftBaseline {
  return {
    feature: b.feature,
    type: b.sample.type,
    size: b.size,
    source: b.source,
    createdAt: new Date(b.createdAtMs).toISOString(),
  };
}

/** A read's time range (epoch ms), its deployment and its step. */
export interface QualityRange {
  deploymentId?: string;
  fromMs?: number;
  toMs?: number;
  stepSeconds?: number;
}

const DEFAULT_RANGE_MS = 24 * 60 * 60 * 1000;
const DEFAULT_STEP_SECONDS = 3600;
const MAX_WINDOWS = 1000;

/** The windows of a range: the last day in hours unless it says otherwise. */
export function windowsOf(range: QualityRange, nowMs: number) {
  const toMs = range.toMs ?? nowMs;
  const fromMs = range.fromMs ?? toMs - DEFAULT_RANGE_MS;
  if (fromMs >= toMs)
    throw new InputError('Invalid request query: from: must be before to');
  const stepMs = (range.stepSeconds ?? DEFAULT_STEP_SECONDS) * 1000;
  const count = Math.ceil((toMs - fromMs) / stepMs);
  if (count > MAX_WINDOWS) {
    throw new InputError(
      `Invalid request query: stepSeconds: the range would have ${count} windows; at most ${MAX_WINDOWS} (use a larger step)`,
    );
  }
  return { fromMs, toMs, stepMs, count };
}
