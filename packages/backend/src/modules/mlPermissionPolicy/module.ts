import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { MlPermissionPolicy } from './MlPermissionPolicy';

/**
 * The portal's permission policy (CML's roles for the ML platform), in
 * place of the allow-all policy.
 */
export const permissionModuleMlPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'ml-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(
          new MlPermissionPolicy({
            workspaceAdmins:
              config.getOptionalStringArray('ml.access.workspaceAdmins') ?? [],
          }),
        );
      },
    });
  },
});
