import { LoggerService } from '@backstage/backend-plugin-api';
import { DriftBaselineStore } from '../quality/DriftBaselineStore';
import { DriftReader } from '../quality/DriftReader';
import { MonitoringSettingsStore } from '../quality/MonitoringSettingsStore';
import {
  EffectiveSettings,
  effectiveSettings,
} from '../quality/qualitySettings';
import { QualityStore } from '../quality/QualityStore';
import { HOUR_MS, hourOf } from './hourCoverage';
import { RawHourReader } from './RawHourReader';
import { driftKey, rolledFeatures } from './rolledDrift';
import { qualityKey } from './rolledQuality';
import {
  DriftRollup,
  HourRollup,
  QualityRollup,
  RollupStore,
} from './RollupStore';

export interface RollupOptions {
  /** How long after an hour closes its rollup waits for buffered writes. */
  settleMs: number;
  /** The most hours one run rolls up (all models together). */
  maxHoursPerRun: number;
}

const DEFAULT_OPTIONS: RollupOptions = {
  settleMs: 2 * 60 * 1000,
  maxHoursPerRun: 48,
};

/**
 * Rolls up closed hours of every model's predictions into the hourly
 * tables, on the scheduler. Any backend may run it: an hour's rows are
 * replaced whole and are the same whoever computes them. Per model it
 * first re-rolls stale hours (a delayed truth or a late point arrived, or
 * the quality settings changed), then moves its cursor on through the hours
 * with predictions, in bounded batches.
 */
export class ModelRollupService {
  private readonly options: RollupOptions;

  constructor(
    private readonly deps: {
      store: RollupStore;
      raw: RawHourReader;
      quality: QualityStore;
      settings: MonitoringSettingsStore;
      baselines: DriftBaselineStore;
      drift: DriftReader;
      logger?: LoggerService;
      now?: () => number;
      options?: Partial<RollupOptions>;
    },
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...deps.options };
  }

  private now() {
    return this.deps.now ? this.deps.now() : Date.now();
  }

  /** One run over every model; returns how many hours it rolled up. */
  async rollUp(): Promise<number> {
    const { store, raw } = this.deps;
    let budget = this.options.maxHoursPerRun;
    const closedBefore = hourOf(this.now() - this.options.settleMs);
    for (const modelId of await raw.modelIds()) {
      if (budget <= 0) break;
      const model = await this.modelOf(modelId);
      for (const hour of await store.staleHours(
        modelId,
        closedBefore,
        model.keys,
        budget,
      )) {
        await this.rollHour(modelId, hour, model);
        budget -= 1;
      }
      const from = (await store.cursor(modelId)) ?? 0;
      let next = from;
      while (budget > 0) {
        const at = await raw.firstPredictionAt(modelId, next, closedBefore);
        if (at === undefined) {
          next = Math.max(next, closedBefore);
          break;
        }
        const hour = hourOf(at);
        await this.rollHour(modelId, hour, model);
        budget -= 1;
        next = hour + HOUR_MS;
      }
      if (next > from) await store.advanceCursor(modelId, next);
    }
    const rolled = this.options.maxHoursPerRun - budget;
    if (rolled > 0) this.deps.logger?.debug(`Rolled up ${rolled} model hours`);
    return rolled;
  }

  /** A model's settings, baselines and the keys its hours are rolled for. */
  private async modelOf(modelId: string) {
    const settings = await effectiveSettings(this.deps.settings, modelId);
    const baselines = await this.deps.baselines.listCached(modelId);
    const keys = {
      quality: qualityKey(settings),
      drift: driftKey(settings, rolledFeatures(settings, baselines)),
    };
    return { settings, baselines, keys };
  }

  /** Computes one hour of a model from its raw rows and stores it. */
  private async rollHour(
    modelId: string,
    hour: number,
    model: Awaited<ReturnType<ModelRollupService['modelOf']>>,
  ): Promise<void> {
    const startedAtMs = this.now();
    const { raw } = this.deps;
    const technical = await raw.technical(modelId, hour);
    const rollup: HourRollup = {
      technical,
      metricSums: await raw.metricSums(modelId, hour),
      quality: await this.quality(modelId, hour, model.settings),
    };
    if (model.keys.drift !== null) {
      const drift = new Map<string, DriftRollup[]>();
      for (const deploymentId of technical.keys())
        drift.set(
          deploymentId,
          await this.deps.drift.rollupOf(
            modelId,
            model.settings,
            model.baselines,
            { deploymentId, fromMs: hour, toMs: hour + HOUR_MS },
          ),
        );
      rollup.drift = drift;
    }
    await this.deps.store.write(modelId, hour, rollup, {
      startedAtMs,
      keys: model.keys,
    });
  }

  private async quality(
    modelId: string,
    hour: number,
    settings: EffectiveSettings,
  ): Promise<Map<string, QualityRollup> | undefined> {
    const { predictionMetric, truthMetric } = settings;
    if (!predictionMetric || !truthMetric) return undefined;
    const { quality } = this.deps;
    const filter = {
      modelId,
      predictionMetric,
      truthMetric,
      fromMs: hour,
      toMs: hour + HOUR_MS,
    };
    const out = new Map<string, QualityRollup>();
    for (const sums of await quality.regressionByDeployment(filter)) {
      const { deploymentId, ...rest } = sums;
      out.set(deploymentId, {
        ...rest,
        labelPairs: settings.task === 'classification' ? [] : undefined,
        sample: await quality.pairs({ ...filter, deploymentId }, sums.count),
      });
    }
    if (settings.task === 'classification') {
      for (const { deploymentId, ...pair } of await quality.labelsByDeployment(
        filter,
      ))
        out.get(deploymentId)?.labelPairs?.push(pair);
    }
    return out;
  }
}
