import { doesNotExist } from '../MlflowError';
import {
  TrackingAccess,
  TrackingCaller,
  TrackingNeed,
} from '../TrackingAccess';
import { ModelVersionStore, StoredModelVersion } from './ModelVersionStore';
import {
  RegisteredModelStore,
  StoredRegisteredModel,
} from './RegisteredModelStore';
import { validModelName, validVersion } from './registryValidation';

/**
 * Finds the registered model or version a call names, once the caller's
 * right on its project is checked. Whatever the caller may not read is
 * reported exactly as if it did not exist.
 */
export class RegistryLookup {
  constructor(
    private readonly deps: {
      models: RegisteredModelStore;
      versions: ModelVersionStore;
      access: TrackingAccess;
    },
  ) {}

  async model(
    caller: TrackingCaller,
    name: string,
    need: TrackingNeed,
  ): Promise<StoredRegisteredModel> {
    validModelName(name);
    const missing = () =>
      doesNotExist(`Registered Model with name=${name} not found`);
    const model = await this.deps.models.get(name);
    if (!model) throw missing();
    await this.deps.access.requireProject(
      caller,
      model.projectId,
      need,
      missing,
    );
    return model;
  }

  async version(
    caller: TrackingCaller,
    name: string,
    version: string,
    need: TrackingNeed,
  ): Promise<{ model: StoredRegisteredModel; version: StoredModelVersion }> {
    validModelName(name);
    const number = validVersion(version);
    const missing = () =>
      doesNotExist(
        `Model Version (name=${name}, version=${version}) not found`,
      );
    const model = await this.model(caller, name, need).catch(error => {
      throw error.errorCode === 'RESOURCE_DOES_NOT_EXIST' ? missing() : error;
    });
    const found = await this.deps.versions.get({
      modelId: model.id,
      version: number,
    });
    if (!found) throw missing();
    return { model, version: found };
  }
}
