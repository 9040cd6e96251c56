import { InputError } from '@backstage/errors';
import {
  DriftBaseline,
  FeatureDrift,
  ModelDrift,
  ModelMonitoringSettings,
  ModelMonitoringSettingsInput,
  ModelQuality,
  MonitoredFeature,
  MonitorMetric,
  PREDICTION_FEATURE,
  QualityWindow,
  TakeDriftBaselineRequest,
} from '@ml-platform/plugin-ml-common';
import { findProjectModel } from '../modelLookup';
import { ModelStore } from '../ModelStore';
import {
  BaselineSources,
  BuildsOfModels,
  DeploymentsOfModels,
} from './BaselineSources';
import { categoryValue } from './baselineSamples';
import { DriftBaselineStore, StoredDriftBaseline } from './DriftBaselineStore';
import { driftOf, driftWindows, TimedValue } from './driftWindows';
import {
  MonitoringSettingsStore,
  StoredMonitoringSettings,
} from './MonitoringSettingsStore';
import { FeatureValue, PredictionInputStore } from './PredictionInputStore';
import {
  classificationQuality,
  LabelPairCount,
  regressionQuality,
  RegressionSums,
} from './qualityMetrics';
import { QualityFilter, QualityStore } from './QualityStore';

/** What monitors read through (structurally MonitorSignals' parts). */
export interface MonitorWindow {
  startMs: number;
  endMs: number;
}
export interface MonitorTarget {
  projectId: string;
  modelId: string;
}
export interface MonitorReading {
  value?: number;
  samples: number;
}

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

const DEFAULT_RANGE_MS = 24 * 60 * 60 * 1000;
const DEFAULT_STEP_SECONDS = 3600;
const MAX_WINDOWS = 1000;
/** The most values of one feature a drift read looks at. */
const MAX_DRIFT_VALUES = 200_000;

export interface QualityRange {
  deploymentId?: string;
  fromMs?: number;
  toMs?: number;
  stepSeconds?: number;
}

type Effective = EffectiveSettings;

/**
 * A model's quality (tracked predictions against their delayed truth) and
 * drift (declared request features and the prediction against baselines),
 * what they are computed from, and the readings monitors evaluate.
 */
export class ModelQualityService {
  constructor(
    private readonly deps: {
      models: ModelStore;
      builds: BuildsOfModels;
      deployments: DeploymentsOfModels;
      snapshotDir: (buildId: string) => string;
      settings: MonitoringSettingsStore;
      inputs: PredictionInputStore;
      baselines: DriftBaselineStore;
      quality: QualityStore;
      /** Writes what recorders still buffer, before a read. */
      flush?: () => Promise<void>;
      /** Told when a model's settings were saved (caches of its features). */
      settingsChanged?: (modelId: string) => void;
      now?: () => number;
    },
  ) {
    this.sources = new BaselineSources({
      ...deps,
      featureValue: inputValue,
    });
  }

  private readonly sources: BaselineSources;

  private now() {
    return this.deps.now ? this.deps.now() : Date.now();
  }

  private async effective(modelId: string): Promise<Effective> {
    const stored = await this.deps.settings.get(modelId);
    if (!stored)
      return { modelId, ...DEFAULT_MONITORING_SETTINGS, features: [] };
    return { ...stored, stored };
  }

  async getSettings(
    projectId: string,
    modelIdOrName: string,
  ): Promise<ModelMonitoringSettings> {
    const model = await findProjectModel(
      this.deps.models,
      projectId,
      modelIdOrName,
    );
    return this.settingsOf(model.id);
  }

  private async settingsOf(modelId: string): Promise<ModelMonitoringSettings> {
    const settings = await this.effective(modelId);
    const baselines = await this.deps.baselines.list(modelId);
    return {
      modelId,
      configured: settings.stored !== undefined,
      task: settings.task,
      predictionMetric: settings.predictionMetric,
      truthMetric: settings.truthMetric,
      features: settings.features,
      baselineSize: settings.baselineSize,
      source: settings.stored?.source ?? 'default',
      updatedAt: settings.stored
        ? new Date(settings.stored.updatedAtMs).toISOString()
        : undefined,
      baselines: baselines.map(toDriftBaseline),
    };
  }

  async putSettings(
    projectId: string,
    modelIdOrName: string,
    input: ModelMonitoringSettingsInput,
  ): Promise<ModelMonitoringSettings> {
    const model = await findProjectModel(
      this.deps.models,
      projectId,
      modelIdOrName,
    );
    await this.deps.settings.put({
      ...settingsOfInput(model.id, input),
      source: 'settings',
      updatedAtMs: this.now(),
    });
    this.deps.settingsChanged?.(model.id);
    return this.settingsOf(model.id);
  }

  /** Saves what a build's lineage.yaml declares, unless set by hand. */
  async saveLineageSettings(
    modelId: string,
    input: ModelMonitoringSettingsInput,
  ): Promise<void> {
    await this.deps.settings.putUnlessSetByHand({
      ...settingsOfInput(modelId, input),
      source: 'lineage',
      updatedAtMs: this.now(),
    });
    this.deps.settingsChanged?.(modelId);
  }

  private windowsOf(range: QualityRange) {
    const toMs = range.toMs ?? this.now();
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

  async quality(
    projectId: string,
    modelIdOrName: string,
    range: QualityRange,
  ): Promise<ModelQuality> {
    const model = await findProjectModel(
      this.deps.models,
      projectId,
      modelIdOrName,
    );
    const { fromMs, toMs, stepMs, count } = this.windowsOf(range);
    const settings = await this.effective(model.id);
    await this.deps.flush?.();
    const starts = Array.from({ length: count }, (_, i) => fromMs + i * stepMs);
    const filter = this.qualityFilter(model.id, settings, {
      deploymentId: range.deploymentId,
      startMs: fromMs,
      endMs: toMs,
    });
    let windows: QualityWindow[] = starts.map(start => ({
      start: new Date(start).toISOString(),
      count: 0,
    }));
    let total = 0;
    if (filter) {
      const computed = await this.windowQuality(settings.task, filter, stepMs);
      windows = starts.map(start => {
        const found = computed.get(start);
        total += found?.count ?? 0;
        return { start: new Date(start).toISOString(), count: 0, ...found };
      });
    }
    const [pairs, aggregates] = await Promise.all([
      filter ? this.deps.quality.pairs(filter, total) : [],
      this.deps.quality.aggregates({
        modelId: model.id,
        deploymentId: range.deploymentId,
        fromMs,
        toMs,
      }),
    ]);
    return {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      stepSeconds: stepMs / 1000,
      configured: Boolean(
        settings.stored?.predictionMetric && settings.stored?.truthMetric,
      ),
      task: settings.task,
      predictionMetric: settings.predictionMetric,
      truthMetric: settings.truthMetric,
      windows,
      aggregates: aggregates.map(a => ({
        name: a.name,
        value: a.value,
        start: new Date(a.startMs).toISOString(),
        end: new Date(a.endMs).toISOString(),
      })),
      pairs: pairs.map(p => ({
        at: new Date(p.atMs).toISOString(),
        prediction: p.prediction,
        truth: p.truth,
      })),
    };
  }

  private qualityFilter(
    modelId: string,
    settings: Effective,
    window: MonitorWindow & { deploymentId?: string },
  ): QualityFilter | undefined {
    if (!settings.predictionMetric || !settings.truthMetric) return undefined;
    return {
      modelId,
      deploymentId: window.deploymentId,
      predictionMetric: settings.predictionMetric,
      truthMetric: settings.truthMetric,
      fromMs: window.startMs,
      toMs: window.endMs,
    };
  }

  /** Quality per window start, for the windows with pairs. */
  private async windowQuality(
    task: Effective['task'],
    filter: QualityFilter,
    stepMs: number,
  ): Promise<Map<number, Omit<QualityWindow, 'start'>>> {
    const out = new Map<number, Omit<QualityWindow, 'start'>>();
    if (task === 'regression') {
      const rows = await this.deps.quality.regressionWindows(filter, stepMs);
      for (const { startMs, ...sums } of rows)
        out.set(startMs, { count: sums.count, ...regressionOf(sums) });
      return out;
    }
    const rows = await this.deps.quality.labelWindows(filter, stepMs);
    const byWindow = new Map<number, LabelPairCount[]>();
    for (const { startMs, ...pair } of rows) {
      const list = byWindow.get(startMs) ?? [];
      list.push(pair);
      byWindow.set(startMs, list);
    }
    for (const [startMs, pairs] of byWindow) {
      out.set(startMs, {
        count: pairs.reduce((n, p) => n + p.count, 0),
        ...classificationQuality(pairs),
      });
    }
    return out;
  }

  async drift(
    projectId: string,
    modelIdOrName: string,
    range: QualityRange,
  ): Promise<ModelDrift> {
    const model = await findProjectModel(
      this.deps.models,
      projectId,
      modelIdOrName,
    );
    const { fromMs, toMs, stepMs, count } = this.windowsOf(range);
    const settings = await this.effective(model.id);
    const baselines = new Map(
      (await this.deps.baselines.list(model.id)).map(b => [b.feature, b]),
    );
    await this.deps.flush?.();
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
        const values = await this.featureValues(model.id, settings, feature, {
          deploymentId: range.deploymentId,
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

  private async featureValues(
    modelId: string,
    settings: Effective,
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

  async takeBaseline(
    projectId: string,
    modelIdOrName: string,
    request: TakeDriftBaselineRequest,
  ): Promise<{ items: DriftBaseline[] }> {
    const model = await findProjectModel(
      this.deps.models,
      projectId,
      modelIdOrName,
    );
    const settings = await this.effective(model.id);
    const features = driftFeatures(settings);
    if (request.source === 'predictions') await this.deps.flush?.();
    const taken = await this.sources.take(model, settings, features, request);
    if (taken.samples.length === 0) {
      throw new InputError(
        `The ${request.source} source (${
          taken.source
        }) has none of the model's monitored features (${
          features.map(f => f.name).join(', ') || 'none declared'
        })`,
      );
    }
    const createdAtMs = this.now();
    const baselines: StoredDriftBaseline[] = taken.samples.map(s => ({
      modelId: model.id,
      feature: s.feature,
      sample: s.sample,
      size: s.size,
      source: taken.source,
      createdAtMs,
    }));
    await this.deps.baselines.replace(baselines);
    return { items: baselines.map(toDriftBaseline) };
  }

  /** A quality or drift metric over one window, as monitors read it. */
  async read(
    target: MonitorTarget,
    metric: MonitorMetric,
    window: MonitorWindow,
  ): Promise<MonitorReading> {
    const settings = await this.effective(target.modelId);
    await this.deps.flush?.();
    if (metric.kind === 'quality') {
      const filter = this.qualityFilter(target.modelId, settings, window);
      if (!filter) return { samples: 0 };
      const stepMs = window.endMs - window.startMs;
      const found = (
        await this.windowQuality(settings.task, filter, stepMs)
      ).get(window.startMs);
      const value = found?.[metric.name as keyof typeof found];
      return {
        value:
          metric.name !== 'count' && typeof value === 'number'
            ? value
            : undefined,
        samples: found?.count ?? 0,
      };
    }
    if (metric.kind === 'drift' && metric.feature) {
      const feature = driftFeatures(settings).find(
        f => f.name === metric.feature,
      );
      const baseline = feature
        ? (await this.deps.baselines.list(target.modelId)).find(
            b => b.feature === feature.name,
          )
        : undefined;
      if (!feature || !baseline) return { samples: 0 };
      const values = await this.featureValues(
        target.modelId,
        settings,
        {
          ...feature,
          type: baseline.sample.type,
        },
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
    return { samples: 0 };
  }
}

function settingsOfInput(modelId: string, input: ModelMonitoringSettingsInput) {
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
function driftFeatures(settings: Effective): MonitoredFeature[] {
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

function regressionOf(sums: RegressionSums) {
  return regressionQuality(sums);
}

function toDriftBaseline(b: StoredDriftBaseline): DriftBaseline {
  return {
    feature: b.feature,
    type: b.sample.type,
    size: b.size,
    source: b.source,
    createdAt: new Date(b.createdAtMs).toISOString(),
  };
}
