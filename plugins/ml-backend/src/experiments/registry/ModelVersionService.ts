import { invalidParameter } from '../MlflowError';
import { parseFilter, parseOrderBy, resolveMaxResults } from '../search';
import { TrackingAccess, TrackingCaller } from '../TrackingAccess';
import { refusePlatformTags } from '../tracking/platformTags';
import { TrackingLookup } from '../tracking/TrackingLookup';
import { KeyValue } from '../tracking/types';
import { parseModelSource, runStoragePath } from './modelSource';
import { ModelVersionStore } from './ModelVersionStore';
import { StoredRegisteredModel } from './RegisteredModelStore';
import { RegistryLookup } from './RegistryLookup';
import { wireVersion } from './RegistryService';
import { canonicalStage, validateRegistryTag } from './registryValidation';
import { MODEL_STAGES, ModelStage, ModelVersion } from './types';

// Stages whose other versions a transition may archive (MLflow's rule).
const ACTIVE_STAGES: readonly ModelStage[] = ['Staging', 'Production'];

/**
 * MLflow's model versions. A version registers a run's artifacts: the run
 * must be one the caller may read, in the model's project. Versions are
 * READY at once: their files stay where the run logged them.
 */
export class ModelVersionService {
  constructor(
    private readonly deps: {
      versions: ModelVersionStore;
      access: TrackingAccess;
      lookup: RegistryLookup;
      tracking: TrackingLookup;
      now?: () => number;
    },
  ) {}

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  async create(
    caller: TrackingCaller,
    input: {
      name: string;
      source: string;
      run_id?: string;
      tags?: KeyValue[];
      run_link?: string;
      description?: string;
    },
  ): Promise<ModelVersion> {
    const tags = input.tags ?? [];
    tags.forEach(validateRegistryTag);
    refusePlatformTags(tags);
    const model = await this.deps.lookup.model(caller, input.name, 'write');
    const run = await this.registeredRun(caller, model, input);
    const version = await this.deps.versions.create({
      modelId: model.id,
      projectId: model.projectId,
      source: input.source,
      storageLocation: run.storageLocation,
      runId: run.runId,
      runLink: input.run_link || undefined,
      description: input.description,
      userId: caller.userId,
      tags,
      now: this.now(),
    });
    return this.get(caller, input.name, String(version));
  }

  async get(
    caller: TrackingCaller,
    name: string,
    version: string,
  ): Promise<ModelVersion> {
    const found = await this.deps.lookup.version(caller, name, version, 'read');
    return wireVersion(found.version);
  }

  async update(
    caller: TrackingCaller,
    name: string,
    version: string,
    description: string | undefined,
  ): Promise<ModelVersion> {
    const found = await this.deps.lookup.version(
      caller,
      name,
      version,
      'write',
    );
    await this.deps.versions.updateDescription(
      keyOf(found),
      description,
      this.now(),
    );
    return this.get(caller, name, version);
  }

  /** Deletes the version with its tags and the aliases pointing at it. */
  async delete(caller: TrackingCaller, name: string, version: string) {
    const found = await this.deps.lookup.version(
      caller,
      name,
      version,
      'write',
    );
    await this.deps.versions.delete(keyOf(found), this.now());
  }

  async transitionStage(
    caller: TrackingCaller,
    input: {
      name: string;
      version: string;
      stage: string;
      archive_existing_versions: boolean;
    },
  ): Promise<ModelVersion> {
    const stage = canonicalStage(input.stage);
    if (input.archive_existing_versions && !ACTIVE_STAGES.includes(stage)) {
      throw invalidParameter(
        `Model version transition cannot archive existing model versions because '${
          input.stage
        }' is not an Active stage. Valid stages are ${ACTIVE_STAGES.join(
          ', ',
        )}`,
      );
    }
    const found = await this.deps.lookup.version(
      caller,
      input.name,
      input.version,
      'write',
    );
    await this.deps.versions.transition(
      keyOf(found),
      stage,
      input.archive_existing_versions,
      this.now(),
    );
    return this.get(caller, input.name, input.version);
  }

  /**
   * The newest version in each stage asked for (every stage when none),
   * in MLflow's order of stages.
   */
  async latestVersions(
    caller: TrackingCaller,
    name: string,
    stages: readonly string[] | undefined,
  ): Promise<ModelVersion[]> {
    const asked = stages?.length
      ? [...new Set(stages.map(canonicalStage))]
      : [...MODEL_STAGES];
    const model = await this.deps.lookup.model(caller, name, 'read');
    const latest = await this.deps.versions.latestPerStage([model.id], asked);
    return asked.flatMap(stage =>
      latest.filter(v => v.current_stage === stage).map(wireVersion),
    );
  }

  /** Where the version's files are, as a URI MLflow's client downloads. */
  async downloadUri(
    caller: TrackingCaller,
    name: string,
    version: string,
  ): Promise<string> {
    const found = await this.deps.lookup.version(caller, name, version, 'read');
    return `mlflow-artifacts:/${found.version.storageLocation}`;
  }

  async search(
    caller: TrackingCaller,
    query: {
      filter?: string;
      orderBy?: string[];
      maxResults?: number;
      pageToken?: string;
    },
  ): Promise<{ model_versions: ModelVersion[]; next_page_token?: string }> {
    const search = {
      filter: parseFilter('modelVersions', query.filter),
      orderBy: parseOrderBy('modelVersions', query.orderBy),
      maxResults: resolveMaxResults('modelVersions', query.maxResults),
      pageToken: query.pageToken,
    };
    const projectIds = await this.deps.access.readableProjectIds(caller);
    const page = await this.deps.versions.search({ ...search, projectIds });
    const versions = await this.deps.versions.getMany(page.ids);
    return {
      model_versions: versions.map(wireVersion),
      ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
    };
  }

  async setTag(
    caller: TrackingCaller,
    name: string,
    version: string,
    tag: KeyValue,
  ) {
    validateRegistryTag(tag);
    refusePlatformTags([tag]);
    const found = await this.deps.lookup.version(
      caller,
      name,
      version,
      'write',
    );
    await this.deps.versions.setTag(keyOf(found), tag);
  }

  /** Deleting a tag the version does not have is no error, as in MLflow. */
  async deleteTag(
    caller: TrackingCaller,
    name: string,
    version: string,
    key: string,
  ) {
    refusePlatformTags([{ key, value: '' }]);
    const found = await this.deps.lookup.version(
      caller,
      name,
      version,
      'write',
    );
    await this.deps.versions.deleteTag(keyOf(found), key);
  }

  /**
   * The run a new version registers artifacts of, and their store path:
   * the run (named by `run_id` or in the source) must be readable and in
   * the model's project.
   */
  private async registeredRun(
    caller: TrackingCaller,
    model: StoredRegisteredModel,
    input: { source: string; run_id?: string },
  ): Promise<{ runId: string; storageLocation: string }> {
    const source = parseModelSource(input.source);
    if (input.run_id && input.run_id !== source.runId) {
      throw invalidParameter(
        `The source '${input.source}' is not in the artifacts of run '${input.run_id}'`,
      );
    }
    const run = await this.deps.tracking.run(caller, source.runId, 'read');
    if (source.experimentId && source.experimentId !== run.experiment_id) {
      throw invalidParameter(
        `The source '${input.source}' names experiment ${source.experimentId}, but run '${source.runId}' is in experiment ${run.experiment_id}`,
      );
    }
    if (run.projectId !== model.projectId) {
      throw invalidParameter(
        `Run '${source.runId}' is in another project than registered model '${model.name}': a model registers its own project's runs`,
      );
    }
    return {
      runId: run.run_id,
      storageLocation: runStoragePath(
        run.experiment_id,
        run.run_id,
        source.path,
      ),
    };
  }
}

function keyOf(found: { model: StoredRegisteredModel; version: ModelVersion }) {
  return { modelId: found.model.id, version: Number(found.version.version) };
}
