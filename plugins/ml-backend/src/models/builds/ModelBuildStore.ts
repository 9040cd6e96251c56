import { Knex } from 'knex';
import {
  BuildState,
  ModelBuild,
  ModelExample,
  RegisteredModelSource,
} from '@ml-platform/plugin-ml-common';
import { envFromColumn, envToColumn } from '../../database/envColumn';
import { isUniqueViolation } from '../../database/errors';
import { nowIso, parseJson } from '../../database/listing';
import { IdTableStore, sameColumns } from '../../database/rows';

type BuildRow = {
  id: string;
  model_id: string;
  number: number;
  file_path: string;
  function_name: string;
  runtime_id: string;
  profile: string;
  comment: string;
  examples: string;
  env: string;
  state: string;
  reason: string | null;
  workload_id: string | null;
  datasets: string;
  lineage_metadata: string;
  created_by: string;
  created_at: string;
  built_at: string | null;
  registered_model: string | null;
  evaluation?: string | null;
};

/** A build as the service keeps it: the public shape plus the build workload's profile. */
export type StoredModelBuild = ModelBuild & { profile: string };

export type NewModelBuild = Omit<
  StoredModelBuild,
  'number' | 'state' | 'reason' | 'workloadId' | 'createdAt' | 'builtAt'
>;

/** The columns that hold a field of the build as it is. */
const SAME_COLUMNS = sameColumns<BuildRow>()(
  [
    'id',
    'model_id',
    'file_path',
    'function_name',
    'runtime_id',
    'profile',
    'comment',
    'created_by',
  ],
  ['reason', 'workload_id', 'built_at'],
);

function toBuild(row: BuildRow): StoredModelBuild {
  return {
    ...SAME_COLUMNS.fromRow(row),
    number: row.number,
    examples: parseJson<ModelExample[]>(row.examples, []),
    env: envFromColumn(row.env),
    state: row.state as BuildState,
    datasets: parseJson<string[]>(row.datasets, []),
    lineageMetadata: parseJson<Record<string, unknown>>(
      row.lineage_metadata,
      {},
    ),
    ...(row.registered_model
      ? {
          registeredModel: parseJson<RegisteredModelSource>(
            row.registered_model,
            { name: '', version: '' },
          ),
        }
      : {}),
    ...(row.evaluation
      ? { evaluation: parseJson<Record<string, number>>(row.evaluation, {}) }
      : {}),
    createdAt: row.created_at,
  };
}

const NUMBER_ATTEMPTS = 5;

/** Builds of models, numbered per model. */
export class ModelBuildStore extends IdTableStore<BuildRow, StoredModelBuild> {
  constructor(db: Knex) {
    super(db, 'model_builds', toBuild);
  }

  /** Inserts a queued build with the model's next number. */
  async create(build: NewModelBuild): Promise<StoredModelBuild> {
    for (let attempt = 1; ; attempt++) {
      const [{ max }] = await this.db('model_builds')
        .where({ model_id: build.modelId })
        .max<{ max: number | null }[]>({ max: 'number' });
      const now = nowIso();
      // A queued build has no reason, workload or build date yet.
      const row: BuildRow = {
        ...SAME_COLUMNS.toRow(build),
        number: Number(max ?? 0) + 1,
        examples: JSON.stringify(build.examples),
        env: envToColumn(build.env),
        state: 'queued',
        datasets: JSON.stringify(build.datasets),
        lineage_metadata: JSON.stringify(build.lineageMetadata),
        registered_model: build.registeredModel
          ? JSON.stringify(build.registeredModel)
          : null,
        created_at: now,
      };
      try {
        await this.db('model_builds').insert(row);
        return toBuild(row);
      } catch (error) {
        // Two builds of one model at once: the loser takes the next number.
        if (!isUniqueViolation(error) || attempt >= NUMBER_ATTEMPTS)
          throw error;
      }
    }
  }

  async findByWorkload(
    workloadId: string,
  ): Promise<StoredModelBuild | undefined> {
    return this.findOne({ workload_id: workloadId });
  }

  async listByModel(modelId: string): Promise<StoredModelBuild[]> {
    const rows = await this.db<BuildRow>('model_builds')
      .where({ model_id: modelId })
      .orderBy('number', 'desc');
    return rows.map(toBuild);
  }

  /** Builds that have not ended yet, of every model. */
  async listUnfinished(): Promise<StoredModelBuild[]> {
    const rows = await this.db<BuildRow>('model_builds').whereIn('state', [
      'queued',
      'building',
    ]);
    return rows.map(toBuild);
  }

  /**
   * Candidate builds a promotion still has to deploy or refuse: builds with
   * an evaluation (set when a promotion makes them) that are not failed or
   * stopped and that no promotion outcome in the model's history names.
   */
  async listAwaitingPromotion(): Promise<StoredModelBuild[]> {
    const rows = await this.db<BuildRow>('model_builds as b')
      .select('b.*')
      .whereNotNull('b.evaluation')
      .whereIn('b.state', ['queued', 'building', 'built'])
      .whereNotExists(outcome =>
        outcome
          .select(this.db.raw('1'))
          .from('model_events as e')
          .whereRaw('e.model_id = b.model_id')
          .whereIn('e.kind', [
            'candidate_promoted',
            'candidate_refused',
            'candidate_failed',
          ])
          .whereRaw(`e.details like ('%"buildId":"' || b.id || '"%')`),
      );
    return rows.map(toBuild);
  }

  /** The evaluation metrics a candidate build was promoted with. */
  async setEvaluation(
    id: string,
    evaluation: Record<string, number>,
  ): Promise<void> {
    await this.db('model_builds')
      .where({ id })
      .update({ evaluation: JSON.stringify(evaluation) });
  }

  async setWorkload(id: string, workloadId: string): Promise<void> {
    await this.db('model_builds')
      .where({ id })
      .update({ workload_id: workloadId, state: 'building' });
  }

  /** Ends a build unless it has ended already; true when this call ended it. */
  async finish(
    id: string,
    state: 'built' | 'failed' | 'stopped',
    reason?: string,
  ): Promise<boolean> {
    const updated = await this.db('model_builds')
      .where({ id })
      .whereIn('state', ['queued', 'building'])
      .update({
        state,
        reason: reason ?? null,
        built_at: state === 'built' ? nowIso() : null,
      });
    return updated === 1;
  }

  async delete(id: string): Promise<void> {
    await this.db('model_builds').where({ id }).delete();
  }

  async deleteByModel(modelId: string): Promise<void> {
    await this.db('model_builds').where({ model_id: modelId }).delete();
  }
}
