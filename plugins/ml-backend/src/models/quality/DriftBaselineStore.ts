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

/** The most models whose parsed baselines a store keeps. */
const MAX_CACHED_MODELS = 200;

/** The samples drift is measured against, per model and feature (model_drift_baselines). */
export class DriftBaselineStore {
  /** Parsed baselines by model, with the versions they were read at. */
  private readonly parsed = new Map<
    string,
    { versions: string; baselines: StoredDriftBaseline[] }
  >();

  constructor(private readonly db: Knex) {}

  /**
   * As {@link list}, but parses a model's samples (up to 10,000 values
   * each) only when they changed: monitors read them at every evaluation.
   * The result is shared; callers must not change it.
   */
  async listCached(modelId: string): Promise<StoredDriftBaseline[]> {
    const rows: Array<Pick<DbRow, 'name' | 'created_at' | 'size'>> =
      await this.db('model_drift_baselines')
        .select('name', 'created_at', 'size')
        .where({ model_id: modelId })
        .orderBy('name');
    const versions = JSON.stringify(
      rows.map(r => [r.name, Number(r.created_at), r.size]),
    );
    const cached = this.parsed.get(modelId);
    if (cached?.versions === versions) return cached.baselines;
    const baselines = await this.list(modelId);
    if (this.parsed.size >= MAX_CACHED_MODELS)
      this.parsed.delete(this.parsed.keys().next().value!);
    this.parsed.set(modelId, { versions, baselines });
    return baselines;
  }

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
