import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { mlServiceRef } from '@ml-platform/plugin-ml-node';
import { mlCatalogPermissionRules } from './permissions/conditionExports';
import { MlEntitiesProcessor } from './processor/MlEntitiesProcessor';
import { MlEntityProvider } from './provider/MlEntityProvider';

/**
 * The ML platform in the catalog: validation and relations of the
 * `Workspace`, `Project` and `Model` kinds, a provider that mirrors the
 * ML backend (workspaces, runtimes, projects, models with their APIs and
 * datasets, applications) on a schedule and on its `ml.changes` events, and
 * the `IS_ML_PROJECT_READER` rule on catalog entities for policies that keep
 * private projects to their readers.
 *
 * @public
 */
export const catalogModuleMl = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ml',
  register(reg) {
    reg.registerInit({
      deps: {
        catalogProcessing: catalogProcessingExtensionPoint,
        catalog: catalogServiceRef,
        permissionsRegistry: coreServices.permissionsRegistry,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        ml: mlServiceRef,
        auth: coreServices.auth,
        events: eventsServiceRef,
      },
      async init({
        catalogProcessing,
        catalog,
        permissionsRegistry,
        config,
        logger,
        scheduler,
        ml,
        auth,
        events,
      }) {
        // Rules of the catalog's resource type may come from its modules;
        // the catalog adds the type itself, before or after.
        permissionsRegistry.addPermissionRules(
          Object.values(mlCatalogPermissionRules),
        );
        catalogProcessing.addProcessor(new MlEntitiesProcessor());
        catalogProcessing.addEntityProvider(
          MlEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            ml,
            auth,
            events,
            catalog,
          }),
        );
      },
    });
  },
});
