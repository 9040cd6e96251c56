import { doesNotExist } from '../MlflowError';
import { parseFilter, parseOrderBy, resolveMaxResults } from '../search';
import { TrackingAccess, TrackingCaller } from '../TrackingAccess';
import {
  PLATFORM_TAG,
  refusePlatformTags,
  taggedProjectId,
} from '../tracking/platformTags';
import { KeyValue } from '../tracking/types';
import { ModelVersionStore, StoredModelVersion } from './ModelVersionStore';
import {
  RegisteredModelStore,
  StoredRegisteredModel,
} from './RegisteredModelStore';
import { RegistryLookup } from './RegistryLookup';
import {
  validAlias,
  validModelName,
  validVersion,
  validateRegistryTag,
} from './registryValidation';
import { MODEL_STAGES, ModelVersion, RegisteredModel } from './types';

/** What callers see of a version: MLflow's fields only. */
export function wireVersion(version: StoredModelVersion): ModelVersion {
  const { modelId: _m, projectId: _p, storageLocation: _s, ...rest } = version;
  return rest;
}

/** A registered version as the platform uses it (model builds). */
export interface ResolvedModelVersion {
  projectId: string;
  runId?: string;
  /** The artifact store path of the version's files. */
  storageLocation: string;
  source: string;
}

/**
 * MLflow's registered models and their aliases, each model in an ML
 * project: a workload's own, or the one a user names (see
 * `TrackingAccess.projectForNew`). The platform writes the
 * `ml.project_id` tag; clients cannot set `ml.` tags.
 */
export class RegistryService {
  constructor(
    private readonly deps: {
      models: RegisteredModelStore;
      versions: ModelVersionStore;
      access: TrackingAccess;
      lookup: RegistryLookup;
      now?: () => number;
    },
  ) {}

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  async create(
    caller: TrackingCaller,
    input: { name?: string; tags?: KeyValue[]; description?: string },
  ): Promise<RegisteredModel> {
    const name = validModelName(input.name);
    const tags = input.tags ?? [];
    const own = tags.filter(t => t.key !== PLATFORM_TAG.projectId);
    own.forEach(validateRegistryTag);
    refusePlatformTags(own);
    const projectId = await this.deps.access.projectForNew(
      caller,
      taggedProjectId(tags),
      name,
    );
    await this.deps.models.create({
      projectId,
      name,
      description: input.description,
      tags: [...own, { key: PLATFORM_TAG.projectId, value: projectId }],
      now: this.now(),
    });
    return this.get(caller, name);
  }

  async get(caller: TrackingCaller, name: string): Promise<RegisteredModel> {
    const model = await this.deps.lookup.model(caller, name, 'read');
    const [wired] = await this.wire([model]);
    return wired;
  }

  async search(
    caller: TrackingCaller,
    query: {
      filter?: string;
      orderBy?: string[];
      maxResults?: number;
      pageToken?: string;
    },
  ): Promise<{
    registered_models: RegisteredModel[];
    next_page_token?: string;
  }> {
    const search = {
      filter: parseFilter('registeredModels', query.filter),
      orderBy: parseOrderBy('registeredModels', query.orderBy),
      maxResults: resolveMaxResults('registeredModels', query.maxResults),
      pageToken: query.pageToken,
    };
    const projectIds = await this.deps.access.readableProjectIds(caller);
    const page = await this.deps.models.search({ ...search, projectIds });
    const models = await this.deps.models.getMany(page.ids);
    return {
      registered_models: await this.wire(models),
      ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
    };
  }

  async rename(
    caller: TrackingCaller,
    name: string,
    newName: string | undefined,
  ): Promise<RegisteredModel> {
    const model = await this.deps.lookup.model(caller, name, 'write');
    const valid = validModelName(newName);
    await this.deps.models.rename(model.id, valid, this.now());
    return this.get(caller, valid);
  }

  async update(
    caller: TrackingCaller,
    name: string,
    description: string | undefined,
  ): Promise<RegisteredModel> {
    const model = await this.deps.lookup.model(caller, name, 'write');
    await this.deps.models.updateDescription(model.id, description, this.now());
    return this.get(caller, name);
  }

  /** Deletes the model with all its versions, tags and aliases. */
  async delete(caller: TrackingCaller, name: string): Promise<void> {
    const model = await this.deps.lookup.model(caller, name, 'write');
    await this.deps.models.delete(model.id);
  }

  async setTag(caller: TrackingCaller, name: string, tag: KeyValue) {
    validateRegistryTag(tag);
    refusePlatformTags([tag]);
    const model = await this.deps.lookup.model(caller, name, 'write');
    await this.deps.models.setTag(model.id, tag);
  }

  /** Deleting a tag the model does not have is no error, as in MLflow. */
  async deleteTag(caller: TrackingCaller, name: string, key: string) {
    refusePlatformTags([{ key, value: '' }]);
    const model = await this.deps.lookup.model(caller, name, 'write');
    await this.deps.models.deleteTag(model.id, key);
  }

  /** Points the alias at the version, moving it from where it was. */
  async setAlias(
    caller: TrackingCaller,
    name: string,
    alias: string,
    version: string,
  ) {
    validAlias(alias);
    validVersion(version);
    const found = await this.deps.lookup.version(
      caller,
      name,
      version,
      'write',
    );
    await this.deps.models.setAlias(
      found.model.id,
      alias,
      Number(found.version.version),
    );
  }

  /** Deleting an alias the model does not have is no error, as in MLflow. */
  async deleteAlias(caller: TrackingCaller, name: string, alias: string) {
    const model = await this.deps.lookup.model(caller, name, 'write');
    await this.deps.models.deleteAlias(model.id, alias);
  }

  async versionByAlias(
    caller: TrackingCaller,
    name: string,
    alias: string,
  ): Promise<ModelVersion> {
    const model = await this.deps.lookup.model(caller, name, 'read');
    const number = await this.deps.models.aliasVersion(model.id, alias);
    const version =
      number === undefined
        ? undefined
        : await this.deps.versions.get({ modelId: model.id, version: number });
    if (!version) {
      throw doesNotExist(`Registered model alias ${alias} not found.`);
    }
    return wireVersion(version);
  }

  /**
   * The project, run and stored files of a registered version, for a
   * caller that may read it (model builds start from one).
   */
  async resolveVersion(
    caller: TrackingCaller,
    name: string,
    version: string,
  ): Promise<ResolvedModelVersion> {
    const found = await this.deps.lookup.version(caller, name, version, 'read');
    return {
      projectId: found.version.projectId,
      ...(found.version.run_id ? { runId: found.version.run_id } : {}),
      storageLocation: found.version.storageLocation,
      source: found.version.source,
    };
  }

  /** MLflow's entities: tags, aliases and the latest version per stage. */
  private async wire(
    models: StoredRegisteredModel[],
  ): Promise<RegisteredModel[]> {
    const ids = models.map(m => m.id);
    const [tags, aliases, latest] = await Promise.all([
      this.deps.models.tagsOf(ids),
      this.deps.models.aliasesOf(ids),
      this.deps.versions.latestPerStage(ids),
    ]);
    const stageOrder = (v: StoredModelVersion) =>
      MODEL_STAGES.indexOf(v.current_stage);
    return models.map(model => ({
      name: model.name,
      creation_timestamp: model.creationTimestamp,
      last_updated_timestamp: model.lastUpdatedTimestamp,
      ...(model.description !== undefined
        ? { description: model.description }
        : {}),
      latest_versions: latest
        .filter(v => v.modelId === model.id)
        .sort((a, b) => stageOrder(a) - stageOrder(b))
        .map(wireVersion),
      tags: tags.get(model.id) ?? [],
      aliases: aliases.get(model.id) ?? [],
    }));
  }
}
