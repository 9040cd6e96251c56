import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ModelStore } from '../ModelStore';
import { BuildsOfModels, DeploymentsOfModels } from './BaselineSources';
import { DriftBaselineStore } from './DriftBaselineStore';
import { DriftReader } from './DriftReader';
import { ModelQualityService } from './ModelQualityService';
import { MonitoringSettingsStore } from './MonitoringSettingsStore';
import { PredictionInputRecorder } from './PredictionInputRecorder';
import { PredictionInputStore } from './PredictionInputStore';
import { QualityStore } from './QualityStore';
import { RollupStore } from '../rollups/RollupStore';

/** The quality and drift part of the models feature: its stores and service. */
export function createQualityFeature(options: {
  db: Knex;
  models: ModelStore;
  builds: BuildsOfModels;
  deployments: DeploymentsOfModels;
  snapshotDir: (buildId: string) => string;
  /** Writes what the prediction recorder still buffers. */
  flush: () => Promise<void>;
  logger: LoggerService;
  /** Hourly rollups, shared with the technical reads. */
  rollups?: RollupStore;
}) {
  const settings = new MonitoringSettingsStore(options.db);
  const rollups = options.rollups ?? new RollupStore(options.db);
  const inputs = new PredictionInputStore(options.db, { rollups });
  const inputRecorder = new PredictionInputRecorder({
    featuresOf: async modelId => (await settings.get(modelId))?.features ?? [],
    store: inputs,
    logger: options.logger,
  });
  const quality = new QualityStore(options.db);
  const baselines = new DriftBaselineStore(options.db);
  const service = new ModelQualityService({
    ...options,
    settings,
    inputs,
    baselines,
    quality,
    rollups,
    flush: async () => {
      await Promise.all([options.flush(), inputRecorder.flush()]);
    },
    settingsChanged: modelId => inputRecorder.forget(modelId),
  });
  return {
    service,
    settings,
    inputs,
    inputRecorder,
    quality,
    baselines,
    rollups,
    /** Computes the drift rows of a rolled-up hour. */
    drift: new DriftReader({ inputs, baselines, quality, rollups }),
  };
}
