import {
  MonitoredFeature,
  MonitoringTask,
} from '@ml-platform/plugin-ml-common';
import { Knex } from 'knex';

/** Where a model's monitoring settings came from. */
export type MonitoringSettingsSource = 'settings' | 'lineage';

/** A model's saved monitoring settings. */
export interface StoredMonitoringSettings {
  modelId: string;
  task: MonitoringTask;
  predictionMetric?: string;
  truthMetric?: string;
  features: MonitoredFeature[];
  baselineSize: number;
  source: MonitoringSettingsSource;
  updatedAtMs: number;
}

type DbRow = {
  model_id: string;
  task: MonitoringTask;
  prediction_metric: string | null;
  truth_metric: string | null;
  features: string;
  baseline_size: number;
  source: MonitoringSettingsSource;
  updated_at: number | string;
};

function fromDb(row: DbRow): StoredMonitoringSettings {
  return {
    modelId: row.model_id,
    task: row.task,
    predictionMetric: row.prediction_metric ?? undefined,
    truthMetric: row.truth_metric ?? undefined,
    features: JSON.parse(row.features),
    baselineSize: row.baseline_size,
    source: row.source,
    updatedAtMs: Number(row.updated_at),
  };
}

function toDb(settings: StoredMonitoringSettings): DbRow {
  return {
    model_id: settings.modelId,
    task: settings.task,
    prediction_metric: settings.predictionMetric ?? null,
    truth_metric: settings.truthMetric ?? null,
    features: JSON.stringify(settings.features),
    baseline_size: settings.baselineSize,
    source: settings.source,
    updated_at: settings.updatedAtMs,
  };
}

/** What each model's quality and drift are computed from (model_monitoring_settings). */
export class MonitoringSettingsStore {
  constructor(private readonly db: Knex) {}

  async get(modelId: string): Promise<StoredMonitoringSettings | undefined> {
    const row: DbRow | undefined = await this.db('model_monitoring_settings')
      .where({ model_id: modelId })
      .first();
    return row ? fromDb(row) : undefined;
  }

  /** Replaces the model's settings. */
  async put(settings: StoredMonitoringSettings): Promise<void> {
    const { model_id: _, ...rest } = toDb(settings);
    await this.db('model_monitoring_settings')
      .insert(toDb(settings))
      .onConflict('model_id')
      .merge(rest);
  }

  /**
   * Saves settings a build's lineage declares, unless someone set the
   * model's settings by hand. Whether it saved them.
   */
  async putUnlessSetByHand(
    settings: StoredMonitoringSettings,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const current: Pick<DbRow, 'source'> | undefined = await tx(
        'model_monitoring_settings',
      )
        .select('source')
        .where({ model_id: settings.modelId })
        .first();
      if (current?.source === 'settings') return false;
      await new MonitoringSettingsStore(tx).put(settings);
      return true;
    });
  }
}
