import { Knex } from 'knex';
import { TrackingAccess } from '../TrackingAccess';
import { TrackingLookup } from '../tracking/TrackingLookup';
import { ModelVersionService } from './ModelVersionService';
import { ModelVersionStore } from './ModelVersionStore';
import { RegisteredModelStore } from './RegisteredModelStore';
import { RegistryLookup } from './RegistryLookup';
import { RegistryService } from './RegistryService';

/**
 * The model registry's stores, built with the backend, and its services,
 * built once the tracking API's access checks exist.
 */
export function createRegistry(db: Knex) {
  const models = new RegisteredModelStore(db);
  const versions = new ModelVersionStore(db);
  return {
    store: models,
    versionStore: versions,
    services(deps: { access: TrackingAccess; tracking: TrackingLookup }) {
      const lookup = new RegistryLookup({
        models,
        versions,
        access: deps.access,
      });
      return {
        models: new RegistryService({
          models,
          versions,
          access: deps.access,
          lookup,
        }),
        versions: new ModelVersionService({
          versions,
          access: deps.access,
          lookup,
          tracking: deps.tracking,
        }),
      };
    },
  };
}

/** @internal */
export type Registry = ReturnType<typeof createRegistry>;
