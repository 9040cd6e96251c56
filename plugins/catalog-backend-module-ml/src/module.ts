import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { MlEntitiesProcessor } from './processor/MlEntitiesProcessor';
import { MlEntityProvider } from './provider/MlEntityProvider';

/**
 * The ML platform in the catalog: validation and relations of the
 * `Workspace`, `Project` and `Model` kinds, and a provider that mirrors the
 * ML backend's workspaces and projects.
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
      },
      async init({ catalog, config, logger, scheduler, discovery, auth }) {
        catalog.addProcessor(new MlEntitiesProcessor());
        catalog.addEntityProvider(
          MlEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            discovery,
            auth,
          }),
        );
      },
    });
  },
});
