import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { mlServiceRef } from '@ml-platform/plugin-ml-node';
import { createMlActions } from './actions';

/**
 * The ML template actions (`ml:project:create`, `ml:job:create`, …) for the
 * scaffolder. They call the ML backend as the user who started the task.
 *
 * @public
 */
export const scaffolderModuleMl = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ml',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        ml: mlServiceRef,
        // For MLflow's API, which the ML service has no calls for.
        auth: coreServices.auth,
      },
      async init({ scaffolder, ml, auth }) {
        scaffolder.addActions(...createMlActions({ ml, auth }));
      },
    });
  },
});
