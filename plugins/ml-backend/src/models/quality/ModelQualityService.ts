import { RollupStore } from '../rollups/RollupStore';
import { InputError } from '@backstage/errors';
import {
  DriftBaseline,
  ModelDrift,
  ModelMonitoringSettings,
  ModelMonitoringSettingsInput,
  ModelQuality,
  MonitorMetric,
  TakeDriftBaselineRequest,
} from '@ml-platform/plugin-ml-common';
import { findProjectModel } from '../modelLookup';
import { ModelStore } from '../ModelStore';
import {
  BaselineSources,
  BuildsOfModels,
  DeploymentsOfModels,
} from './BaselineSources';
import { DriftBaselineStore, StoredDriftBaseline } from './DriftBaselineStore';
import { DriftReader } from './DriftReader';
import { MonitoringSettingsStore } from './MonitoringSettingsStore';
import { PredictionInputStore } from './PredictionInputStore';
import { MonitorReading, MonitorWindow, QualityReader } from './QualityReader';
import {
  driftFeatures,
  EffectiveSettings,
  effectiveSettings,
  inputValue,
  QualityRange,
  settingsOfInput,
  toDriftBaseline,
  windowsOf,
} from './qualitySettings';
import { QualityStore } from './QualityStore';

export type { MonitorReading, MonitorWindow } from './QualityReader';
export { DEFAULT_MONITORING_SETTINGS, inputValue } from './qualitySettings';
export type { EffectiveSettings, QualityRange } from './qualitySettings';

/** The model a monitor watches (structurally MonitorSignals' target). */
export interface MonitorTarget {
  projectId: string;
  modelId: string;
}

/**
 * A model's quality (tracked predictions against their delayed truth) and
 * drift (declared request features and the prediction against baselines),
 * what they are computed from, and the readings monitors evaluate. The
 * reads themselves are QualityReader's and DriftReader's.
 */
export class ModelQualityService {
  private readonly sources: BaselineSources;
  private readonly qualityReader: QualityReader;
  private readonly driftReader: DriftReader;

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
      /** Hourly rollups the quality read takes whole rolled-up hours from. */
      rollups?: RollupStore;
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
    this.qualityReader = new QualityReader(deps.quality, deps.rollups);
    this.driftReader = new DriftReader(deps);
  }

  private now() {
    return this.deps.now ? this.deps.now() : Date.now();
  }

  private effective(modelId: string): Promise<EffectiveSettings> {
    return effectiveSettings(this.deps.settings, modelId);
  }

  private model(projectId: string, modelIdOrName: string) {
    return findProjectModel(this.deps.models, projectId, modelIdOrName);
  }

  async getSettings(
    projectId: string,
    modelIdOrName: string,
  ): Promise<ModelMonitoringSettings> {
    const model = await this.model(projectId, modelIdOrName);
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
    const model = await this.model(projectId, modelIdOrName);
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

  async quality(
    projectId: string,
    modelIdOrName: string,
    range: QualityRange,
  ): Promise<ModelQuality> {
    const model = await this.model(projectId, modelIdOrName);
    const windows = windowsOf(range, this.now());
    const settings = await this.effective(model.id);
    await this.deps.flush?.();
    return this.qualityReader.quality(
      model.id,
      settings,
      windows,
      range.deploymentId,
    );
  }

  async drift(
    projectId: string,
    modelIdOrName: string,
    range: QualityRange,
  ): Promise<ModelDrift> {
    const model = await this.model(projectId, modelIdOrName);
    const windows = windowsOf(range, this.now());
    const settings = await this.effective(model.id);
    await this.deps.flush?.();
    return this.driftReader.drift(
      model.id,
      settings,
      windows,
      range.deploymentId,
    );
  }

  async takeBaseline(
    projectId: string,
    modelIdOrName: string,
    request: TakeDriftBaselineRequest,
  ): Promise<{ items: DriftBaseline[] }> {
    const model = await this.model(projectId, modelIdOrName);
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
    if (metric.kind === 'quality')
      return this.qualityReader.read(target.modelId, settings, metric, window);
    if (metric.kind === 'drift' && metric.feature)
      return this.driftReader.read(target.modelId, settings, metric, window);
    return { samples: 0 };
  }
}
