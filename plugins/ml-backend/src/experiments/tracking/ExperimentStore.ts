import { Knex } from 'knex';
import { isUniqueViolation } from '../../database/errors';
import { MlflowError } from '../MlflowError';
import { Experiment, KeyValue, LifecycleStage } from './types';

/** An experiment with the project it belongs to. */
export interface StoredExperiment extends Experiment {
  projectId: string;
}

interface ExperimentRow {
  id: number;
  project_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: LifecycleStage;
  creation_time: number | string;
  last_update_time: number | string;
}

const TABLE = 'ml_experiments';
const TAGS = 'ml_experiment_tags';

/** Experiments and their tags. Names are unique within a project. */
export class ExperimentStore {
  constructor(private readonly db: Knex) {}

  /**
   * Creates an experiment; `artifactLocation` gets the new id (the default
   * location names it). Fails with RESOURCE_ALREADY_EXISTS on a taken name.
   */
  async create(input: {
    projectId: string;
    name: string;
    artifactLocation: (id: string) => string;
    tags: KeyValue[];
    now: number;
  }): Promise<string> {
    try {
      return await this.db.transaction(async tx => {
        const [inserted] = await tx(TABLE)
          .insert({
            project_id: input.projectId,
            name: input.name,
            artifact_location: '',
            lifecycle_stage: 'active',
            creation_time: input.now,
            last_update_time: input.now,
          })
          .returning('id');
        const id = String(
          typeof inserted === 'object' ? inserted.id : inserted,
        );
        await tx(TABLE)
          .where({ id })
          .update({ artifact_location: input.artifactLocation(id) });
        if (input.tags.length) {
          await tx(TAGS).insert(
            input.tags.map(t => ({ experiment_id: id, ...t })),
          );
        }
        return id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new MlflowError(
          'RESOURCE_ALREADY_EXISTS',
          `Experiment(name=${input.name}) already exists.`,
        );
      }
      throw error;
    }
  }

  async get(id: string): Promise<StoredExperiment | undefined> {
    if (!/^\d{1,15}$/.test(id)) return undefined;
    const [experiment] = await this.withTags(
      await this.db<ExperimentRow>(TABLE).where({ id: Number(id) }),
    );
    return experiment;
  }

  /** Experiments by id, in the order asked for; missing ones left out. */
  async getMany(ids: string[]): Promise<StoredExperiment[]> {
    const numeric = ids.filter(id => /^\d{1,15}$/.test(id)).map(Number);
    const found = await this.withTags(
      await this.db<ExperimentRow>(TABLE).whereIn('id', numeric),
    );
    const byId = new Map(found.map(e => [e.experiment_id, e]));
    return ids.flatMap(id => byId.get(id) ?? []);
  }

  /** The experiments of that name in these projects. */
  async findByName(
    name: string,
    projectIds: string[],
  ): Promise<StoredExperiment[]> {
    return this.withTags(
      await this.db<ExperimentRow>(TABLE)
        .where({ name })
        .whereIn('project_id', projectIds),
    );
  }

  async rename(id: string, name: string, now: number): Promise<void> {
    try {
      await this.db(TABLE)
        .where({ id: Number(id) })
        .update({ name, last_update_time: now });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new MlflowError(
          'RESOURCE_ALREADY_EXISTS',
          `Experiment(name=${name}) already exists.`,
        );
      }
      throw error;
    }
  }

  async setLifecycle(
    id: string,
    stage: LifecycleStage,
    now: number,
  ): Promise<void> {
    await this.db(TABLE)
      .where({ id: Number(id) })
      .update({ lifecycle_stage: stage, last_update_time: now });
  }

  async setTag(id: string, tag: KeyValue): Promise<void> {
    await this.db(TAGS)
      .insert({ experiment_id: Number(id), ...tag })
      .onConflict(['experiment_id', 'key'])
      .merge(['value']);
  }

  async deleteTag(id: string, key: string): Promise<boolean> {
    return (
      (await this.db(TAGS)
        .where({ experiment_id: Number(id), key })
        .delete()) > 0
    );
  }

  async idsOfProject(projectId: string): Promise<string[]> {
    const rows = await this.db(TABLE)
      .select('id')
      .where({ project_id: projectId });
    return rows.map(row => String(row.id));
  }

  /** Deletes a project's experiments with their runs (its deletion). */
  async deleteOfProject(projectId: string): Promise<void> {
    const ids = this.db(TABLE).select('id').where({ project_id: projectId });
    const runIds = this.db('ml_runs')
      .select('id')
      .whereIn('experiment_id', ids);
    // Children first: SQLite enforces no foreign keys unless told to.
    for (const table of [
      'ml_run_inputs',
      'ml_run_latest_metrics',
      'ml_run_metrics',
      'ml_run_tags',
      'ml_run_params',
    ]) {
      await this.db(table).whereIn('run_id', runIds).delete();
    }
    await this.db('ml_runs').whereIn('experiment_id', ids).delete();
    await this.db(TAGS).whereIn('experiment_id', ids).delete();
    await this.db(TABLE).where({ project_id: projectId }).delete();
  }

  private async withTags(rows: ExperimentRow[]): Promise<StoredExperiment[]> {
    if (rows.length === 0) return [];
    const tags = await this.db<{ experiment_id: number } & KeyValue>(TAGS)
      .whereIn(
        'experiment_id',
        rows.map(r => r.id),
      )
      .orderBy('key');
    return rows.map(row => ({
      experiment_id: String(row.id),
      name: row.name,
      artifact_location: row.artifact_location,
      lifecycle_stage: row.lifecycle_stage,
      creation_time: Number(row.creation_time),
      last_update_time: Number(row.last_update_time),
      tags: tags
        .filter(t => Number(t.experiment_id) === row.id)
        .map(t => ({ key: t.key, value: t.value })),
      projectId: row.project_id,
    }));
  }
}
