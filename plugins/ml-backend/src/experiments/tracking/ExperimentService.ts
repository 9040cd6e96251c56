import { ProjectStore } from '../../database';
import { MlflowError, doesNotExist, invalidParameter } from '../MlflowError';
import { TrackingAccess, TrackingCaller } from '../TrackingAccess';
import { ExperimentStore, StoredExperiment } from './ExperimentStore';
import { LIMITS, validateTag } from './limits';
import {
  PLATFORM_TAG,
  refusePlatformTags,
  taggedProjectId,
} from './platformTags';
import { RunStore } from './RunStore';
import { TrackingLookup } from './TrackingLookup';
import { SearchQuery, TrackingSearch } from './TrackingSearch';
import { Experiment, KeyValue } from './types';

/** What callers see of an experiment: MLflow's fields only. */
function wire(experiment: StoredExperiment): Experiment {
  const { projectId: _, ...rest } = experiment;
  return rest;
}

/**
 * MLflow's experiments, each in an ML project. A workload's own project is
 * where its experiments go; its default experiment (named after the
 * project, `MLFLOW_EXPERIMENT_NAME`) appears the first time it is looked
 * for, so that `import mlflow` in a job needs no setup.
 */
export class ExperimentService {
  constructor(
    private readonly deps: {
      experiments: ExperimentStore;
      runs: RunStore;
      projects: ProjectStore;
      access: TrackingAccess;
      lookup: TrackingLookup;
      search: TrackingSearch;
      now?: () => number;
    },
  ) {}

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  async create(
    caller: TrackingCaller,
    input: { name?: string; artifact_location?: string; tags?: KeyValue[] },
  ): Promise<string> {
    const name = validName(input.name);
    if (input.artifact_location) {
      throw invalidParameter(
        `Experiments keep their artifacts in the platform's artifact store; artifact_location '${input.artifact_location}' cannot be chosen`,
      );
    }
    const tags = input.tags ?? [];
    const projectId = await this.deps.access.projectForNew(
      caller,
      taggedProjectId(tags),
      name,
    );
    const own = tags.filter(t => t.key !== PLATFORM_TAG.projectId);
    own.forEach(validateTag);
    refusePlatformTags(own);
    return this.deps.experiments.create({
      projectId,
      name,
      artifactLocation: id => `mlflow-artifacts:/${id}`,
      tags: [...own, { key: PLATFORM_TAG.projectId, value: projectId }],
      now: this.now(),
    });
  }

  async get(caller: TrackingCaller, id: string): Promise<Experiment> {
    return wire(await this.deps.lookup.experiment(caller, id, 'read'));
  }

  async getByName(caller: TrackingCaller, name: string): Promise<Experiment> {
    const projectIds = await this.deps.access.readableProjectIds(caller);
    const found = await this.deps.experiments.findByName(name, projectIds);
    if (found.length > 1) {
      throw invalidParameter(
        `${found.length} projects you can read have an experiment named '${name}': use its id`,
      );
    }
    if (found.length === 1) return wire(found[0]);
    if (caller.kind === 'workload') {
      const project = await this.deps.projects.get(caller.workload.projectId);
      if (project && project.name === name) {
        const id = await this.create(caller, { name }).catch(error => {
          // Two workloads of the project asked at once: the other made it.
          if (
            error instanceof MlflowError &&
            error.errorCode === 'RESOURCE_ALREADY_EXISTS'
          ) {
            return undefined;
          }
          throw error;
        });
        const made = id
          ? await this.deps.experiments.get(id)
          : (await this.deps.experiments.findByName(name, projectIds))[0];
        if (made) return wire(made);
      }
    }
    throw doesNotExist(`Could not find experiment with name '${name}'`);
  }

  async search(
    caller: TrackingCaller,
    query: SearchQuery,
  ): Promise<{ experiments: Experiment[]; next_page_token?: string }> {
    const projectIds = await this.deps.access.readableProjectIds(caller);
    const page = await this.deps.search.experiments({ ...query, projectIds });
    const experiments = await this.deps.experiments.getMany(page.ids);
    return {
      experiments: experiments.map(wire),
      ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
    };
  }

  async rename(caller: TrackingCaller, id: string, newName?: string) {
    await this.deps.lookup.experiment(caller, id, 'write');
    await this.deps.experiments.rename(id, validName(newName), this.now());
  }

  /** Deletes (or restores) the experiment and, as MLflow does, its runs. */
  async setDeleted(caller: TrackingCaller, id: string, deleted: boolean) {
    const experiment = await this.deps.lookup.experiment(caller, id, 'write');
    const stage = deleted ? 'deleted' : 'active';
    if (!deleted && experiment.lifecycle_stage !== 'deleted') {
      throw invalidParameter(
        `Cannot restore an experiment that is not deleted: experiment ${id} is ${experiment.lifecycle_stage}`,
      );
    }
    await this.deps.experiments.setLifecycle(id, stage, this.now());
    await this.deps.runs.setLifecycleOfExperiment(id, stage, this.now());
  }

  async setTag(caller: TrackingCaller, id: string, tag: KeyValue) {
    validateTag(tag);
    refusePlatformTags([tag]);
    await this.deps.lookup.experiment(caller, id, 'write');
    await this.deps.experiments.setTag(id, tag);
  }

  async deleteTag(caller: TrackingCaller, id: string, key: string) {
    refusePlatformTags([{ key, value: '' }]);
    await this.deps.lookup.experiment(caller, id, 'write');
    if (!(await this.deps.experiments.deleteTag(id, key))) {
      throw doesNotExist(`No tag with name: ${key} in experiment ${id}.`);
    }
  }
}

function validName(name: string | undefined): string {
  if (!name) {
    throw invalidParameter(`Invalid experiment name: '${name ?? ''}'`);
  }
  if (name.length > LIMITS.experimentNameLength) {
    throw invalidParameter(
      `Experiment name exceeds the maximum length of ${LIMITS.experimentNameLength} characters`,
    );
  }
  return name;
}
