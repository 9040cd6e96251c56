import { NotFoundError } from '@backstage/errors';
import { Model } from '@ml-platform/plugin-ml-common';
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
