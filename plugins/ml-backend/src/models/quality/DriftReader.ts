import {
  DriftWindow,
  FeatureDrift,
  ModelDrift,
  MonitoredFeature,
  MonitorMetric,
  PREDICTION_FEATURE,
} from '@ml-platform/plugin-ml-common';
import { DriftBaselineStore } from './DriftBaselineStore';
import {
  categoryDrift,
  categoryDriftWindows,
  driftOf,
  driftWindows,
  TimedValue,
} from './driftWindows';
import { PredictionInputStore } from './PredictionInputStore';
import { MonitorReading, MonitorWindow, ReadWindows } from './QualityReader';
import {
  driftFeatures,
  EffectiveSettings,
  inputValue,
  toDriftBaseline,
} from './qualitySettings';
import { QualityStore } from './QualityStore';

/** The most values of one numeric feature a drift read looks at. */
const MAX_DRIFT_VALUES = 200_000;
/** The fewest values per window a drift read over many windows keeps. */
const MIN_WINDOW_VALUES = 1000;

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
      if (
        baseline?.sample.type === 'categorical' &&
        drift.type === feature.type
      ) {
        drift.windows = categoryDriftWindows({
          fromMs,
          stepMs,
          count,
          baseline: baseline.sample.counts,
          counts: await this.categoryCounts(modelId, settings, feature, {
            deploymentId,
            fromMs,
            toMs,
            stepMs,
          }),
        });
      } else if (baseline) {
        drift.windows = driftWindows({
          fromMs,
          stepMs,
          count,
          baseline: baseline.sample,
          values: await this.windowValues(modelId, settings, feature, {
            ...windows,
            deploymentId,
          }),
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
    if (baseline.sample.type === 'categorical') {
      // Counted by the database, as the dashboard's windows are.
      const counts: Record<string, number> = {};
      const range = {
        fromMs: window.startMs,
        toMs: window.endMs,
        stepMs: window.endMs - window.startMs,
      };
      const categorical = { ...feature, type: baseline.sample.type };
      for (const c of await this.categoryCounts(
        modelId,
        settings,
        categorical,
        range,
      ))
        counts[c.category] = (counts[c.category] ?? 0) + c.count;
      return reading(metric, categoryDrift(baseline.sample.counts, counts));
    }
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
    return reading(metric, drift);
  }

  /**
   * A feature's values over the windows. When the range holds more than
   * MAX_DRIFT_VALUES, the values are read per window instead, at most an
   * equal share each (the first of each window), so that late windows are
   * not left empty.
   */
  private async windowValues(
    modelId: string,
    settings: EffectiveSettings,
    feature: MonitoredFeature,
    windows: ReadWindows & { deploymentId?: string },
  ): Promise<TimedValue[]> {
    const { fromMs, toMs, stepMs, count, deploymentId } = windows;
    const all = await this.featureValues(modelId, settings, feature, {
      deploymentId,
      startMs: fromMs,
      endMs: toMs,
    });
    if (all.length < MAX_DRIFT_VALUES || count === 1) return all;
    const perWindow = Math.max(
      MIN_WINDOW_VALUES,
      Math.floor(MAX_DRIFT_VALUES / count),
    );
    const parts = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        this.featureValues(
          modelId,
          settings,
          feature,
          {
            deploymentId,
            startMs: fromMs + i * stepMs,
            endMs: Math.min(toMs, fromMs + (i + 1) * stepMs),
          },
          perWindow,
        ),
      ),
    );
    return parts.flat();
  }

  /** A categorical feature's category counts per window, counted in SQL. */
  private async categoryCounts(
    modelId: string,
    settings: EffectiveSettings,
    feature: MonitoredFeature,
    range: {
      deploymentId?: string;
      fromMs: number;
      toMs: number;
      stepMs: number;
    },
  ): Promise<Array<{ startMs: number; category: string; count: number }>> {
    if (feature.name === PREDICTION_FEATURE) {
      if (!settings.predictionMetric) return [];
      const counts = await this.deps.quality.trackedValueCounts({
        modelId,
        name: settings.predictionMetric,
        ...range,
      });
      return counts.map(c => ({
        startMs: c.startMs,
        category: String(c.value),
        count: c.count,
      }));
    }
    const counts = await this.deps.inputs.valueCounts({
      modelId,
      name: feature.name,
      ...range,
    });
    return counts.flatMap(c => {
      const value = inputValue(feature, c);
      return value === undefined
        ? []
        : [{ startMs: c.atMs, category: String(value), count: c.count }];
    });
  }

  private async featureValues(
    modelId: string,
    settings: EffectiveSettings,
    feature: MonitoredFeature,
    window: MonitorWindow & { deploymentId?: string },
    limit = MAX_DRIFT_VALUES,
  ): Promise<TimedValue[]> {
    if (feature.name === PREDICTION_FEATURE) {
      if (!settings.predictionMetric) return [];
      const values = await this.deps.quality.trackedValues({
        modelId,
        deploymentId: window.deploymentId,
        name: settings.predictionMetric,
        fromMs: window.startMs,
        toMs: window.endMs,
        limit,
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
      limit,
    });
    return values.flatMap(v => {
      const value = inputValue(feature, v);
      return value === undefined ? [] : [{ atMs: v.atMs, value }];
    });
  }
}

/** The statistic a monitor watches, of a window's drift. */
function reading(
  metric: MonitorMetric,
  drift: Omit<DriftWindow, 'start'>,
): MonitorReading {
  const byStatistic = {
    ks: drift.ks,
    chiSquare: drift.chiSquare,
    psi: drift.psi,
  };
  const value = byStatistic[metric.statistic ?? 'psi'];
  return { value, samples: drift.count };
}
