import { Knex } from 'knex';
import { RegistrySearch, searchModelVersionKeys } from './registrySearchQuery';
import { KeyValue } from '../tracking/types';
import { ModelStage, ModelVersion } from './types';

/** A model version as MLflow sends it, with what the platform keeps. */
export interface StoredModelVersion extends ModelVersion {
  modelId: number;
  projectId: string;
  /** The artifact store path of the version's files. */
  storageLocation: string;
}

interface VersionRow {
  model_id: number;
  name: string;
  version: number;
  project_id: string;
  description: string | null;
  source: string;
  storage_location: string;
  run_id: string | null;
  run_link: string | null;
  status: 'READY';
  status_message: string | null;
  user_id: string;
  current_stage: ModelStage;
  creation_timestamp: number | string;
  last_updated_timestamp: number | string;
}

/** A version by its model's id and its number. */
export interface VersionKey {
  modelId: number;
  version: number;
}

const MODELS = 'ml_registered_models';
const VERSIONS = 'ml_model_versions';
const TAGS = 'ml_model_version_tags';
const ALIASES = 'ml_registered_model_aliases';
const KEYS_PER_QUERY = 500;

/**
 * Model versions with their tags. Numbers count up from 1 per model and
 * are never reused, deleted versions included (as in MLflow).
 */
export class ModelVersionStore {
  constructor(private readonly db: Knex) {}

  /** Adds the model's next version (READY at once) and returns its number. */
  async create(input: {
    modelId: number;
    projectId: string;
    source: string;
    storageLocation: string;
    runId?: string;
    runLink?: string;
    description?: string;
    userId: string;
    tags: KeyValue[];
    now: number;
  }): Promise<number> {
    return this.db.transaction(async tx => {
      // The increment takes the model's row lock: concurrent creates queue.
      await tx(MODELS)
        .where({ id: input.modelId })
        .update({
          last_version: tx.raw('last_version + 1'),
          last_updated_timestamp: input.now,
        });
      const { last_version } = await tx(MODELS)
        .select('last_version')
        .where({ id: input.modelId })
        .first();
      const version = Number(last_version);
      await tx(VERSIONS).insert({
        model_id: input.modelId,
        version,
        project_id: input.projectId,
        description: input.description ?? null,
        source: input.source,
        storage_location: input.storageLocation,
        run_id: input.runId ?? null,
        run_link: input.runLink ?? null,
        status: 'READY',
        status_message: null,
        user_id: input.userId,
        current_stage: 'None',
        creation_timestamp: input.now,
        last_updated_timestamp: input.now,
      });
      if (input.tags.length) {
        await tx(TAGS).insert(
          input.tags.map(t => ({ model_id: input.modelId, version, ...t })),
        );
      }
      return version;
    });
  }

  /** One page of the versions a search finds, in its order. */
  search(
    query: RegistrySearch,
  ): Promise<{ ids: VersionKey[]; nextPageToken?: string }> {
    return searchModelVersionKeys(this.db, query);
  }

  async get(key: VersionKey): Promise<StoredModelVersion | undefined> {
    const [found] = await this.getMany([key]);
    return found;
  }

  /** Versions by key, in the order asked for; missing ones left out. */
  async getMany(keys: readonly VersionKey[]): Promise<StoredModelVersion[]> {
    const rows: VersionRow[] = [];
    // In chunks: a search page may hold far more keys than SQL may bind.
    for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
      const chunk = keys.slice(i, i + KEYS_PER_QUERY);
      rows.push(
        ...(await this.selectVersions().whereIn(
          ['v.model_id', 'v.version'],
          chunk.map(key => [key.modelId, key.version]),
        )),
      );
    }
    const found = await this.complete(rows);
    const byKey = new Map(found.map(v => [`${v.modelId}/${v.version}`, v]));
    return keys.flatMap(k => byKey.get(`${k.modelId}/${k.version}`) ?? []);
  }

  /**
   * The highest version of each stage for each model; `stages` keeps to
   * those (all when absent).
   */
  async latestPerStage(
    modelIds: readonly number[],
    stages?: readonly ModelStage[],
  ): Promise<StoredModelVersion[]> {
    if (modelIds.length === 0) return [];
    const latest = this.db(VERSIONS)
      .select('model_id', 'current_stage')
      .max('version as version')
      .whereIn('model_id', [...modelIds])
      .groupBy('model_id', 'current_stage');
    if (stages) latest.whereIn('current_stage', [...stages]);
    const rows: VersionRow[] = await this.selectVersions().join(
      latest.as('l'),
      function joinLatest() {
        this.on('l.model_id', '=', 'v.model_id').andOn(
          'l.version',
          '=',
          'v.version',
        );
      },
    );
    return this.complete(rows);
  }

  /** The versions of a model in a stage. */
  async numbersInStage(modelId: number, stage: ModelStage): Promise<number[]> {
    const rows = await this.db(VERSIONS)
      .select('version')
      .where({ model_id: modelId, current_stage: stage });
    return rows.map(row => Number(row.version));
  }

  async updateDescription(
    key: VersionKey,
    description: string | undefined,
    now: number,
  ): Promise<void> {
    await this.db(VERSIONS)
      .where({ model_id: key.modelId, version: key.version })
      .update({
        description: description ?? null,
        last_updated_timestamp: now,
      });
  }

  /**
   * Moves the version to the stage; with `archiveOthers`, the model's other
   * versions in that stage go to Archived in the same transaction.
   */
  async transition(
    key: VersionKey,
    stage: ModelStage,
    archiveOthers: boolean,
    now: number,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      if (archiveOthers) {
        await tx(VERSIONS)
          .where({ model_id: key.modelId, current_stage: stage })
          .whereNot({ version: key.version })
          .update({ current_stage: 'Archived', last_updated_timestamp: now });
      }
      await tx(VERSIONS)
        .where({ model_id: key.modelId, version: key.version })
        .update({ current_stage: stage, last_updated_timestamp: now });
      await tx(MODELS)
        .where({ id: key.modelId })
        .update({ last_updated_timestamp: now });
    });
  }

  /** Deletes the version with its tags and the aliases pointing at it. */
  async delete(key: VersionKey, now: number): Promise<void> {
    const where = { model_id: key.modelId, version: key.version };
    await this.db.transaction(async tx => {
      await tx(ALIASES).where(where).delete();
      await tx(TAGS).where(where).delete();
      await tx(VERSIONS).where(where).delete();
      await tx(MODELS)
        .where({ id: key.modelId })
        .update({ last_updated_timestamp: now });
    });
  }

  async setTag(key: VersionKey, tag: KeyValue): Promise<void> {
    await this.db(TAGS)
      .insert({ model_id: key.modelId, version: key.version, ...tag })
      .onConflict(['model_id', 'version', 'key'])
      .merge(['value']);
  }

  async deleteTag(key: VersionKey, tagKey: string): Promise<void> {
    await this.db(TAGS)
      .where({ model_id: key.modelId, version: key.version, key: tagKey })
      .delete();
  }

  private selectVersions() {
    return this.db(`${VERSIONS} as v`)
      .join(`${MODELS} as m`, 'm.id', 'v.model_id')
      .select('v.*', 'm.name')
      .orderBy([
        { column: 'v.model_id', order: 'asc' },
        { column: 'v.version', order: 'asc' },
      ]);
  }

  /** The rows with their tags and aliases, as MLflow's entities. */
  private async complete(rows: VersionRow[]): Promise<StoredModelVersion[]> {
    if (rows.length === 0) return [];
    const modelIds = [...new Set(rows.map(row => Number(row.model_id)))];
    const [tags, aliases] = await Promise.all([
      this.db(TAGS).whereIn('model_id', modelIds).orderBy('key'),
      this.db(ALIASES).whereIn('model_id', modelIds).orderBy('alias'),
    ]);
    const byVersion = <T extends { model_id: number; version: number }>(
      list: T[],
    ) => {
      const grouped = new Map<string, T[]>();
      for (const item of list) {
        const key = `${item.model_id}/${item.version}`;
        grouped.set(key, [...(grouped.get(key) ?? []), item]);
      }
      return (row: VersionRow) =>
        grouped.get(`${row.model_id}/${row.version}`) ?? [];
    };
    const tagsOf = byVersion(tags);
    const aliasesOf = byVersion(aliases);
    return rows.map(row => ({
      name: row.name,
      version: String(row.version),
      creation_timestamp: Number(row.creation_timestamp),
      last_updated_timestamp: Number(row.last_updated_timestamp),
      user_id: row.user_id,
      current_stage: row.current_stage,
      ...(row.description !== null ? { description: row.description } : {}),
      source: row.source,
      ...(row.run_id !== null ? { run_id: row.run_id } : {}),
      ...(row.run_link !== null ? { run_link: row.run_link } : {}),
      status: row.status,
      ...(row.status_message !== null
        ? { status_message: row.status_message }
        : {}),
      tags: tagsOf(row).map(t => ({ key: t.key, value: t.value })),
      aliases: aliasesOf(row).map(a => a.alias),
      modelId: Number(row.model_id),
      projectId: row.project_id,
      storageLocation: row.storage_location,
    }));
  }
}
