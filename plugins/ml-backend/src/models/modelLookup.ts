import { NotFoundError } from '@backstage/errors';
import { Model, Project } from '@ml-platform/plugin-ml-common';
import { ModelStore } from './ModelStore';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A model of a project by id or by name; 404 when the project has no such model. */
export async function findProjectModel(
  models: ModelStore,
  projectId: string,
  idOrName: string,
): Promise<Model> {
  const model = UUID.test(idOrName)
    ? await models.get(idOrName.toLowerCase())
    : await models.findByName(projectId, idOrName);
  if (!model || model.projectId !== projectId) {
    throw new NotFoundError(`No model '${idOrName}' in this project`);
  }
  return model;
}

/**
 * A project (404 when there is none) and a model of it by id or by name, for
 * what is created under the model.
 */
export async function findProjectAndModel(
  deps: {
    projects: { get(projectId: string): Promise<Project> };
    models: ModelStore;
  },
  projectId: string,
  modelIdOrName: string,
): Promise<{ project: Project; model: Model }> {
  const project = await deps.projects.get(projectId);
  const model = await findProjectModel(deps.models, projectId, modelIdOrName);
  return { project, model };
}

/**
 * A model of a project and one of its builds or deployments by id; 404 when
 * the project has no such model or the model no such build or deployment.
 */
export async function findModelPart<Part extends { modelId: string }>(
  models: ModelStore,
  projectId: string,
  modelIdOrName: string,
  part: {
    kind: 'build' | 'deployment';
    id: string;
    get: (id: string) => Promise<Part | undefined>;
  },
): Promise<{ model: Model; found: Part }> {
  const model = await findProjectModel(models, projectId, modelIdOrName);
  const found = await part.get(part.id);
  if (!found || found.modelId !== model.id) {
    throw new NotFoundError(
      `No ${part.kind} with id '${part.id}' of model '${model.name}'`,
    );
  }
  return { model, found };
}
