import {
  MonitoredFeature,
  PREDICTION_FEATURE,
} from '@ml-platform/plugin-ml-common';
import { TimedValue } from './driftWindows';
import { PredictionInputStore } from './PredictionInputStore';
import { MonitorWindow, ReadWindows } from './QualityReader';
import { EffectiveSettings, inputValue } from './qualitySettings';
import { QualityStore } from './QualityStore';

/** The most values of one numeric feature a drift read looks at. */
export const MAX_DRIFT_VALUES = 200_000;
/** The fewest values per window a drift read over many windows keeps. */
const MIN_WINDOW_VALUES = 1000;

/** The raw values and category counts of drift features, as drift reads them. */
export class FeatureValueReader {
  constructor(
    private readonly deps: {
      inputs: PredictionInputStore;
      quality: QualityStore;
    },
  ) {}

  /**
   * A feature's values over the windows. When the range holds more than
   * MAX_DRIFT_VALUES, the values are read per window instead, at most an
   * equal share each (the first of each window), so that late windows are
   * not left empty.
   */
  async windowValues(
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
  async categoryCounts(
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

  async featureValues(
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
