import { Knex } from 'knex';
import { isUniqueViolation } from '../../database/errors';
import { MlflowError } from '../MlflowError';
import {
  RegistrySearch,
  searchRegisteredModelIds,
} from './registrySearchQuery';
import { KeyValue } from '../tracking/types';
import { RegisteredModelAlias } from './types';

/** A registered model's own row, with the project it belongs to. */
export interface StoredRegisteredModel {
  id: number;
  projectId: string;
  name: string;
  description?: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
}

interface ModelRow {
  id: number;
  project_id: string;
  name: string;
  description: string | null;
  creation_timestamp: number | string;
  last_updated_timestamp: number | string;
}

const MODELS = 'ml_registered_models';
const TAGS = 'ml_registered_model_tags';
const ALIASES = 'ml_registered_model_aliases';
const VERSIONS = 'ml_model_versions';
const VERSION_TAGS = 'ml_model_version_tags';

const alreadyExists = (name: string) =>
  new MlflowError(
    'RESOURCE_ALREADY_EXISTS',
    `Registered Model (name=${name}) already exists.`,
  );

/**
 * Registered models with their tags and aliases. Names are unique across
 * the server: MLflow's clients name a model and nothing else.
 */
export class RegisteredModelStore {
  constructor(private readonly db: Knex) {}

  /** Fails with RESOURCE_ALREADY_EXISTS on a taken name. */
  async create(input: {
    projectId: string;
    name: string;
    description?: string;
    tags: KeyValue[];
    now: number;
  }): Promise<void> {
    try {
      await this.db.transaction(async tx => {
        const [inserted] = await tx(MODELS)
          .insert({
            project_id: input.projectId,
            name: input.name,
            description: input.description ?? null,
            creation_timestamp: input.now,
            last_updated_timestamp: input.now,
            last_version: 0,
          })
          .returning('id');
        const id = typeof inserted === 'object' ? inserted.id : inserted;
        if (input.tags.length) {
          await tx(TAGS).insert(input.tags.map(t => ({ model_id: id, ...t })));
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyExists(input.name);
      throw error;
    }
  }

  /** One page of the models a search finds, in its order. */
  search(
    query: RegistrySearch,
  ): Promise<{ ids: number[]; nextPageToken?: string }> {
    return searchRegisteredModelIds(this.db, query);
  }

  async get(name: string): Promise<StoredRegisteredModel | undefined> {
    const row = await this.db<ModelRow>(MODELS).where({ name }).first();
    return row && fromRow(row);
  }

  /** Models by id, in the order asked for; missing ones left out. */
  async getMany(ids: readonly number[]): Promise<StoredRegisteredModel[]> {
    const rows = await this.db<ModelRow>(MODELS).whereIn('id', [...ids]);
    const byId = new Map(rows.map(row => [Number(row.id), fromRow(row)]));
    return ids.flatMap(id => byId.get(id) ?? []);
  }

  /** Fails with RESOURCE_ALREADY_EXISTS on a taken name. */
  async rename(id: number, name: string, now: number): Promise<void> {
    try {
      await this.db(MODELS)
        .where({ id })
        .update({ name, last_updated_timestamp: now });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyExists(name);
      throw error;
    }
  }

  async updateDescription(
    id: number,
    description: string | undefined,
    now: number,
  ): Promise<void> {
    await this.db(MODELS)
      .where({ id })
      .update({
        description: description ?? null,
        last_updated_timestamp: now,
      });
  }

  /** Deletes the model with its versions, tags and aliases. */
  async delete(id: number): Promise<void> {
    await this.deleteWhere(this.db(MODELS).select('id').where({ id }));
  }

  /** Deletes a project's models (its deletion). */
  async deleteAllOfProject(projectId: string): Promise<void> {
    await this.deleteWhere(
      this.db(MODELS).select('id').where({ project_id: projectId }),
    );
  }

  /** The tags of each model, by model id, sorted by key. */
  async tagsOf(ids: readonly number[]): Promise<Map<number, KeyValue[]>> {
    const rows = await this.db<{ model_id: number } & KeyValue>(TAGS)
      .whereIn('model_id', [...ids])
      .orderBy('key');
    const tags = new Map<number, KeyValue[]>();
    for (const row of rows) {
      const list = tags.get(Number(row.model_id)) ?? [];
      list.push({ key: row.key, value: row.value });
      tags.set(Number(row.model_id), list);
    }
    return tags;
  }

  async setTag(id: number, tag: KeyValue): Promise<void> {
    await this.db(TAGS)
      .insert({ model_id: id, ...tag })
      .onConflict(['model_id', 'key'])
      .merge(['value']);
  }

  async deleteTag(id: number, key: string): Promise<void> {
    await this.db(TAGS).where({ model_id: id, key }).delete();
  }

  /** The aliases of each model, by model id, sorted by alias. */
  async aliasesOf(
    ids: readonly number[],
  ): Promise<Map<number, RegisteredModelAlias[]>> {
    const rows = await this.db<{
      model_id: number;
      alias: string;
      version: number;
    }>(ALIASES)
      .whereIn('model_id', [...ids])
      .orderBy('alias');
    const aliases = new Map<number, RegisteredModelAlias[]>();
    for (const row of rows) {
      const list = aliases.get(Number(row.model_id)) ?? [];
      list.push({ alias: row.alias, version: String(row.version) });
      aliases.set(Number(row.model_id), list);
    }
    return aliases;
  }

  /** Points the alias at the version, wherever it pointed before. */
  async setAlias(id: number, alias: string, version: number): Promise<void> {
    await this.db(ALIASES)
      .insert({ model_id: id, alias, version })
      .onConflict(['model_id', 'alias'])
      .merge(['version']);
  }

  async deleteAlias(id: number, alias: string): Promise<void> {
    await this.db(ALIASES).where({ model_id: id, alias }).delete();
  }

  /** The version the alias points to, if it exists. */
  async aliasVersion(id: number, alias: string): Promise<number | undefined> {
    const row = await this.db(ALIASES)
      .select('version')
      .where({ model_id: id, alias })
      .first();
    return row ? Number(row.version) : undefined;
  }

  // Children first: SQLite enforces no foreign keys unless told to.
  private async deleteWhere(ids: Knex.QueryBuilder): Promise<void> {
    await this.db.transaction(async tx => {
      for (const table of [VERSION_TAGS, VERSIONS, ALIASES, TAGS]) {
        await tx(table).whereIn('model_id', ids.clone()).delete();
      }
      await tx(MODELS).whereIn('id', ids.clone()).delete();
    });
  }
}

function fromRow(row: ModelRow): StoredRegisteredModel {
  return {
    id: Number(row.id),
    projectId: row.project_id,
    name: row.name,
    ...(row.description !== null ? { description: row.description } : {}),
    creationTimestamp: Number(row.creation_timestamp),
    lastUpdatedTimestamp: Number(row.last_updated_timestamp),
  };
}
