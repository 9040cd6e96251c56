import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { MlEntitiesProcessor } from './processor/MlEntitiesProcessor';
import { MlEntityProvider } from './provider/MlEntityProvider';

/**
 * The ML platform in the catalog: validation and relations of the
 * `Workspace`, `Project` and `Model` kinds, and a provider that mirrors the
 * ML backend (workspaces, runtimes, projects, models with their APIs and
 * datasets, applications) on a schedule and on its `ml.changes` events.
 *
 * @public
 */
export const catalogModuleMl = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ml',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        events: eventsServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        discovery,
        auth,
        events,
      }) {
        catalog.addProcessor(new MlEntitiesProcessor());
        catalog.addEntityProvider(
          MlEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            discovery,
            auth,
            events,
          }),
        );
      },
    });
  },
});
