import {
  FeatureDrift,
  ModelDrift,
  MonitoredFeature,
  MonitorMetric,
  PREDICTION_FEATURE,
} from '@ml-platform/plugin-ml-common';
import { DriftBaselineStore } from './DriftBaselineStore';
import { driftOf, driftWindows, TimedValue } from './driftWindows';
import { PredictionInputStore } from './PredictionInputStore';
import { MonitorReading, MonitorWindow, ReadWindows } from './QualityReader';
import {
  driftFeatures,
  EffectiveSettings,
  inputValue,
  toDriftBaseline,
} from './qualitySettings';
import { QualityStore } from './QualityStore';

/** The most values of one feature a drift read looks at. */
const MAX_DRIFT_VALUES = 200_000;

/**
 * Drift of a model's declared request features and of its prediction
 * against their baselines, per window.
 */
export class DriftReader {
  constructor(
    private readonly deps: {
      inputs: PredictionInputStore;
      baselines: DriftBaselineStore;
      quality: QualityStore;
    },
  ) {}

  /** Drift per feature and window. */
  async drift(
    modelId: string,
    settings: EffectiveSettings,
    windows: ReadWindows,
    deploymentId?: string,
  ): Promise<ModelDrift> {
    const { fromMs, toMs, stepMs, count } = windows;
    const baselines = new Map(
      (await this.deps.baselines.list(modelId)).map(b => [b.feature, b]),
    );
    const features: FeatureDrift[] = [];
    for (const feature of driftFeatures(settings)) {
      const baseline = baselines.get(feature.name);
      const drift: FeatureDrift = {
        feature: feature.name,
        type: baseline?.sample.type ?? feature.type,
        baseline: baseline ? toDriftBaseline(baseline) : undefined,
        windows: [],
      };
      if (baseline) {
        const values = await this.featureValues(modelId, settings, feature, {
          deploymentId,
          startMs: fromMs,
          endMs: toMs,
        });
        drift.windows = driftWindows({
          fromMs,
          stepMs,
          count,
          baseline: baseline.sample,
          values,
        });
      }
      features.push(drift);
    }
    return {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      stepSeconds: stepMs / 1000,
      features,
    };
  }

  /** A drift statistic of one feature over one window, as a monitor reads it. */
  async read(
    modelId: string,
    settings: EffectiveSettings,
    metric: MonitorMetric,
    window: MonitorWindow,
  ): Promise<MonitorReading> {
    const feature = driftFeatures(settings).find(
      f => f.name === metric.feature,
    );
    const baseline = feature
      ? (await this.deps.baselines.list(modelId)).find(
          b => b.feature === feature.name,
        )
      : undefined;
    if (!feature || !baseline) return { samples: 0 };
    const values = await this.featureValues(
      modelId,
      settings,
      { ...feature, type: baseline.sample.type },
      window,
    );
    const drift = driftOf(
      baseline.sample,
      values.map(v => v.value),
    );
    const value =
      metric.statistic === 'ks'
        ? drift.ks
        : metric.statistic === 'chiSquare'
        ? drift.chiSquare
        : drift.psi;
    return { value, samples: drift.count };
  }

  private async featureValues(
    modelId: string,
    settings: EffectiveSettings,
    feature: MonitoredFeature,
    window: MonitorWindow & { deploymentId?: string },
  ): Promise<TimedValue[]> {
    if (feature.name === PREDICTION_FEATURE) {
      if (!settings.predictionMetric) return [];
      const values = await this.deps.quality.trackedValues({
        modelId,
        deploymentId: window.deploymentId,
        name: settings.predictionMetric,
        fromMs: window.startMs,
        toMs: window.endMs,
        limit: MAX_DRIFT_VALUES,
      });
      return values.map(v => ({
        atMs: v.atMs,
        value: feature.type === 'numeric' ? v.value : String(v.value),
      }));
    }
    const values = await this.deps.inputs.values({
      modelId,
      name: feature.name,
      deploymentId: window.deploymentId,
      fromMs: window.startMs,
      toMs: window.endMs,
      limit: MAX_DRIFT_VALUES,
    });
    return values.flatMap(v => {
      const value = inputValue(feature, v);
      return value === undefined ? [] : [{ atMs: v.atMs, value }];
    });
  }
}
