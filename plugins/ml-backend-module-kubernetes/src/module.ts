import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mlComputeDriverExtensionPoint } from '@ml-platform/plugin-ml-node';
import { readKubernetesConfig } from './config';
import { createKubernetesDriver } from './driver/createKubernetesDriver';

/**
 * Adds the Kubernetes compute driver to the ML backend. Without
 * `ml.kubernetes` config it adds nothing; a cluster that cannot be reached
 * does not stop start-up (its workspace reports unavailable).
 *
 * @public
 */
export const mlModuleKubernetes = createBackendModule({
  pluginId: 'ml',
  moduleId: 'kubernetes',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.rootLifecycle,
        drivers: mlComputeDriverExtensionPoint,
      },
      async init({ config, logger, lifecycle, drivers }) {
        const clusters = readKubernetesConfig(config);
        if (!clusters) {
          logger.info(
            'No ml.kubernetes config: the Kubernetes driver is not added',
          );
          return;
        }
        const driver = createKubernetesDriver(clusters, logger);
        drivers.addDriver(driver);
        driver.startWatching();
        lifecycle.addShutdownHook(() => driver.shutdown());
      },
    });
  },
});
