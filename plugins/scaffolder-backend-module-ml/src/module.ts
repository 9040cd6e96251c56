import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createMlActions } from './actions';
import { MlApiClient } from './client/MlApiClient';

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
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, discovery, auth }) {
        const client = new MlApiClient({ discovery, auth });
        scaffolder.addActions(...createMlActions({ client }));
      },
    });
  },
});
