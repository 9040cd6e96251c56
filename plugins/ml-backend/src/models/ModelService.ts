import { ConflictError } from '@backstage/errors';
import { Model } from '@ml-platform/plugin-ml-common';
import { ModelInput, ModelUpdate } from '../apiInputs';
import { v4 as uuid } from 'uuid';
import { PlatformEvents } from '../engine/PlatformEvents';
import { ModelStore } from './ModelStore';
import { createUnique } from '../database/errors';
import { ProjectService } from '../projects/ProjectService';
import { ModelAccessKeyService } from './keys/ModelAccessKeyService';
import { ModelBuildService } from './builds/ModelBuildService';
import { ModelDeploymentService } from './deployments/ModelDeploymentService';
import { findProjectModel } from './modelLookup';
import { RollupStore } from './rollups/RollupStore';

/** Models of a project; deleting one stops its deployments and builds and removes its keys and rollups. */
export class ModelService {
  constructor(
    private readonly deps: {
      models: ModelStore;
      projects: ProjectService;
      builds: ModelBuildService;
      deployments: ModelDeploymentService;
      keys: ModelAccessKeyService;
      /** The hourly monitoring rollups, which go with the model. */
      rollups: Pick<RollupStore, 'deleteAllOf'>;
      /** Where a model's change or deletion is told (`modelChanged`). */
      events: PlatformEvents;
    },
  ) {}

  async list(projectId: string): Promise<Model[]> {
    await this.deps.projects.get(projectId);
    return this.deps.models.listByProject(projectId);
  }

  async get(projectId: string, modelIdOrName: string): Promise<Model> {
    await this.deps.projects.get(projectId);
    return findProjectModel(this.deps.models, projectId, modelIdOrName);
  }

  async create(
    projectId: string,
    input: ModelInput,
    actor: string,
  ): Promise<Model> {
    await this.deps.projects.get(projectId);
    const conflict = new ConflictError(
      `A model named '${input.name}' already exists in this project`,
    );
    return createUnique(
      conflict,
      () => this.deps.models.findByName(projectId, input.name),
      () =>
        this.deps.models.create({
          id: uuid(),
          projectId,
          name: input.name,
          description: input.description,
          disableAuthentication: input.disableAuthentication,
          createdBy: actor,
        }),
    );
  }

  async update(
    projectId: string,
    modelIdOrName: string,
    patch: ModelUpdate,
  ): Promise<Model> {
    const model = await this.get(projectId, modelIdOrName);
    const updated = (await this.deps.models.update(model.id, patch))!;
    await this.deps.events.emit('modelChanged', model.id);
    return updated;
  }

  async delete(projectId: string, modelIdOrName: string): Promise<void> {
    const model = await this.get(projectId, modelIdOrName);
    await this.remove(model.id);
  }

  /** Removes every model of a project (the project is being deleted). */
  async deleteAllOfProject(projectId: string): Promise<void> {
    for (const model of await this.deps.models.listByProject(projectId)) {
      await this.remove(model.id);
    }
  }

  private async remove(modelId: string) {
    await this.deps.deployments.deleteAllOf(modelId);
    await this.deps.builds.deleteAllOf(modelId);
    await this.deps.keys.deleteAllOf(modelId);
    await this.deps.rollups.deleteAllOf(modelId);
    await this.deps.models.delete(modelId);
    await this.deps.events.emit('modelChanged', modelId);
  }
}
