import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ModelStore } from '../ModelStore';
import { BuildsOfModels, DeploymentsOfModels } from './BaselineSources';
import { DriftBaselineStore } from './DriftBaselineStore';
import { ModelQualityService } from './ModelQualityService';
import { MonitoringSettingsStore } from './MonitoringSettingsStore';
import { PredictionInputRecorder } from './PredictionInputRecorder';
import { PredictionInputStore } from './PredictionInputStore';
import { QualityStore } from './QualityStore';

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
}) {
  const settings = new MonitoringSettingsStore(options.db);
  const inputs = new PredictionInputStore(options.db);
  const inputRecorder = new PredictionInputRecorder({
    featuresOf: async modelId => (await settings.get(modelId))?.features ?? [],
    store: inputs,
    logger: options.logger,
  });
  const service = new ModelQualityService({
    ...options,
    settings,
    inputs,
    baselines: new DriftBaselineStore(options.db),
    quality: new QualityStore(options.db),
    flush: async () => {
      await Promise.all([options.flush(), inputRecorder.flush()]);
    },
    settingsChanged: modelId => inputRecorder.forget(modelId),
  });
  return { service, settings, inputs, inputRecorder };
}
