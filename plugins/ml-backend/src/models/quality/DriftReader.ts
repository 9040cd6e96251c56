import {
  DriftWindow,
  FeatureDrift,
  ModelDrift,
  MonitorMetric,
} from '@ml-platform/plugin-ml-common';
import { DriftBaselineStore } from './DriftBaselineStore';
import {
  categoryDrift,
  categoryDriftWindows,
  driftOf,
  driftWindows,
  TimedValue,
} from './driftWindows';
import { FeatureValueReader } from './FeatureValueReader';
import { PredictionInputStore } from './PredictionInputStore';
import { MonitorReading, MonitorWindow, ReadWindows } from './QualityReader';
import {
  driftFeatures,
  EffectiveSettings,
  toDriftBaseline,
} from './qualitySettings';
import { QualityStore } from './QualityStore';
import { StoredDriftBaseline } from './DriftBaselineStore';
import { planWindows, TimeSpan, WindowPlan } from '../rollups/hourCoverage';
import { binCounts, fineEdges } from '../rollups/driftHistogram';
import {
  combineDrift,
  driftKey,
  RolledFeature,
  rolledFeatures,
} from '../rollups/rolledDrift';
import { DriftRollup, RollupStore } from '../rollups/RollupStore';

/** The most values of a feature an hour's rollup counts. */
const MAX_HOUR_VALUES = 10_000_000;

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
      /** Hourly rollups the reads take whole rolled-up hours from. */
      rollups?: RollupStore;
    },
  ) {
    this.values = new FeatureValueReader(deps);
  }

  private readonly values: FeatureValueReader;

  /** Which windows of a read come from rollups, and the rolled features. */
  private async plan(
    modelId: string,
    settings: EffectiveSettings,
    baselines: StoredDriftBaseline[],
    read: ReadWindows,
  ): Promise<{ plan: WindowPlan; rolled: Map<string, RolledFeature> }> {
    const features = rolledFeatures(settings, baselines);
    const key = driftKey(settings, features);
    const span = { fromMs: read.fromMs, toMs: read.toMs };
    const covered =
      this.deps.rollups && key !== null
        ? await this.deps.rollups.coveredHours(modelId, span, { drift: key })
        : new Set<number>();
    return {
      plan: planWindows(read, covered),
      rolled: new Map(features.map(f => [f.feature.name, f])),
    };
  }

  /** The rolled-up windows of a feature's read, by window index. */
  private async rolledWindows(
    modelId: string,
    rolled: RolledFeature,
    plan: WindowPlan,
    span: TimeSpan & { deploymentId?: string },
  ): Promise<Map<number, Omit<DriftWindow, 'start'>>> {
    const out = new Map<number, Omit<DriftWindow, 'start'>>();
    if (!this.deps.rollups || plan.rolled.size === 0) return out;
    const counts = await this.deps.rollups.drift(
      modelId,
      span,
      rolled.feature.name,
      span.deploymentId,
    );
    for (const [index, hours] of plan.rolled)
      out.set(
        index,
        combineDrift(
          rolled,
          hours.flatMap(h => counts.get(h) ?? []),
        ),
      );
    return out;
  }

  /**
   * What an hour (or any span) of a deployment rolls up to: per rolled
   * feature, its category counts or its counts in the baseline's fine bins.
   */
  async rollupOf(
    modelId: string,
    settings: EffectiveSettings,
    baselines: StoredDriftBaseline[],
    span: TimeSpan & { deploymentId: string },
  ): Promise<DriftRollup[]> {
    const out: DriftRollup[] = [];
    for (const { feature, baseline } of rolledFeatures(settings, baselines)) {
      if (baseline.sample.type === 'categorical') {
        const counts: Record<string, number> = {};
        for (const c of await this.values.categoryCounts(
          modelId,
          settings,
          feature,
          {
            ...span,
            stepMs: span.toMs - span.fromMs,
          },
        ))
          counts[c.category] = (counts[c.category] ?? 0) + c.count;
        out.push({ feature: feature.name, counts });
        continue;
      }
      const values = await this.values.featureValues(
        modelId,
        settings,
        feature,
        {
          deploymentId: span.deploymentId,
          startMs: span.fromMs,
          endMs: span.toMs,
        },
        MAX_HOUR_VALUES,
      );
      out.push({
        feature: feature.name,
        counts: binCounts(
          values.map(v => v.value as number),
          fineEdges(baseline.sample.values),
        ),
      });
    }
    return out;
  }

  /** Drift per feature and window. */
  async drift(
    modelId: string,
    settings: EffectiveSettings,
    windows: ReadWindows,
    deploymentId?: string,
  ): Promise<ModelDrift> {
    const { fromMs, toMs, stepMs, count } = windows;
    const stored = await this.deps.baselines.listCached(modelId);
    const baselines = new Map(stored.map(b => [b.feature, b]));
    const { plan, rolled } = await this.plan(
      modelId,
      settings,
      stored,
      windows,
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
      const rolledFeature = rolled.get(feature.name);
      if (rolledFeature && plan.rolled.size > 0) {
        drift.windows = await this.plannedWindows(
          modelId,
          settings,
          rolledFeature,
          plan,
          { ...windows, deploymentId },
        );
      } else if (
        baseline?.sample.type === 'categorical' &&
        drift.type === feature.type
      ) {
        drift.windows = categoryDriftWindows({
          fromMs,
          stepMs,
          count,
          baseline: baseline.sample.counts,
          counts: await this.values.categoryCounts(modelId, settings, feature, {
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
          values: await this.values.windowValues(modelId, settings, feature, {
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
    const stored = feature ? await this.deps.baselines.listCached(modelId) : [];
    const baseline = stored.find(b => b.feature === feature?.name);
    if (!feature || !baseline) return { samples: 0 };
    const read = {
      fromMs: window.startMs,
      toMs: window.endMs,
      stepMs: window.endMs - window.startMs,
      count: 1,
    };
    const { plan, rolled } = await this.plan(modelId, settings, stored, read);
    const rolledFeature = rolled.get(feature.name);
    if (rolledFeature && plan.rolled.size > 0) {
      const found = (
        await this.rolledWindows(modelId, rolledFeature, plan, read)
      ).get(0);
      return reading(metric, found ?? { count: 0 });
    }
    if (baseline.sample.type === 'categorical') {
      // Counted by the database, as the dashboard's windows are.
      const counts: Record<string, number> = {};
      const range = {
        fromMs: window.startMs,
        toMs: window.endMs,
        stepMs: window.endMs - window.startMs,
      };
      const categorical = { ...feature, type: baseline.sample.type };
      for (const c of await this.values.categoryCounts(
        modelId,
        settings,
        categorical,
        range,
      ))
        counts[c.category] = (counts[c.category] ?? 0) + c.count;
      return reading(metric, categoryDrift(baseline.sample.counts, counts));
    }
    const values = await this.values.featureValues(
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
   * A rolled feature's windows: those of whole rolled-up hours from the
   * rollups, the others from the raw rows as an unrolled read does.
   */
  private async plannedWindows(
    modelId: string,
    settings: EffectiveSettings,
    rolled: RolledFeature,
    plan: WindowPlan,
    windows: ReadWindows & { deploymentId?: string },
  ): Promise<DriftWindow[]> {
    const { fromMs, stepMs, count, deploymentId } = windows;
    const { feature, baseline } = rolled;
    let out: DriftWindow[];
    if (baseline.sample.type === 'categorical') {
      const counts = [];
      for (const raw of plan.raw)
        counts.push(
          ...(await this.values.categoryCounts(modelId, settings, feature, {
            ...raw,
            deploymentId,
            stepMs,
          })),
        );
      out = categoryDriftWindows({
        fromMs,
        stepMs,
        count,
        baseline: baseline.sample.counts,
        counts,
      });
    } else {
      const values: TimedValue[] = [];
      for (const raw of plan.raw)
        values.push(
          ...(await this.values.windowValues(modelId, settings, feature, {
            ...raw,
            stepMs,
            count: Math.ceil((raw.toMs - raw.fromMs) / stepMs),
            deploymentId,
          })),
        );
      out = driftWindows({
        fromMs,
        stepMs,
        count,
        baseline: baseline.sample,
        values,
      });
    }
    const rolledWindows = await this.rolledWindows(modelId, rolled, plan, {
      fromMs: windows.fromMs,
      toMs: windows.toMs,
      deploymentId,
    });
    for (const [index, found] of rolledWindows)
      out[index] = { start: out[index].start, ...found };
    return out;
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
