import { Knex } from 'knex';

/** A feature's reference sample: sorted numbers, or category counts. */
export type BaselineSample =
  | { type: 'numeric'; values: number[] }
  | { type: 'categorical'; counts: Record<string, number> };

export interface StoredDriftBaseline {
  modelId: string;
  /** A feature's name, or `$prediction`. */
  feature: string;
  sample: BaselineSample;
  size: number;
  source: string;
  createdAtMs: number;
}

type DbRow = {
  model_id: string;
  name: string;
  type: 'numeric' | 'categorical';
  sample: string;
  size: number;
  source: string;
  created_at: number | string;
};

function fromDb(row: DbRow): StoredDriftBaseline {
  const parsed = JSON.parse(row.sample);
  return {
    modelId: row.model_id,
    feature: row.name,
    sample:
      row.type === 'numeric'
        ? { type: 'numeric', values: parsed }
        : { type: 'categorical', counts: parsed },
    size: row.size,
    source: row.source,
    createdAtMs: Number(row.created_at),
  };
}

/** The samples drift is measured against, per model and feature (model_drift_baselines). */
export class DriftBaselineStore {
  constructor(private readonly db: Knex) {}

  async list(modelId: string): Promise<StoredDriftBaseline[]> {
    const rows: DbRow[] = await this.db('model_drift_baselines')
      .where({ model_id: modelId })
      .orderBy('name');
    return rows.map(fromDb);
  }

  /** Replaces the baselines of these features, in one transaction. */
  async replace(baselines: StoredDriftBaseline[]): Promise<void> {
    if (baselines.length === 0) return;
    await this.db.transaction(async tx => {
      for (const b of baselines) {
        await tx('model_drift_baselines')
          .where({ model_id: b.modelId, name: b.feature })
          .delete();
        await tx('model_drift_baselines').insert({
          model_id: b.modelId,
          name: b.feature,
          type: b.sample.type,
          sample: JSON.stringify(
            b.sample.type === 'numeric'
              ? [...b.sample.values].sort((x, y) => x - y)
              : b.sample.counts,
          ),
          size: b.size,
          source: b.source,
          created_at: b.createdAtMs,
        });
      }
    });
  }
}
