import { createBackendModule } from '@backstage/backend-plugin-api';
import { createCatalogConditionalDecision } from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { mlCatalogConditions } from '../permissions/conditionExports';

/**
 * What the portal's policy does for the catalog, for this package's tests
 * (packages/backend holds the real one): admins read every entity, everyone
 * else the entities `IS_ML_PROJECT_READER` lets them; all else is allowed.
 */
export function readerPolicy(admins: string[]): PermissionPolicy {
  const isAdmin = (refs: string[]) =>
    refs.some(ref => admins.includes(ref.toLocaleLowerCase('en-US')));
  return {
    async handle(request, user) {
      const claims = user?.info.ownershipEntityRefs ?? [];
      if (isPermission(request.permission, catalogEntityReadPermission)) {
        if (isAdmin(claims)) {
          return { result: AuthorizeResult.ALLOW };
        }
        return createCatalogConditionalDecision(
          request.permission,
          mlCatalogConditions.isMlProjectReader({ claims }),
        );
      }
      return { result: AuthorizeResult.ALLOW };
    },
  };
}

/** {@link readerPolicy} as the permission backend's policy. */
export function readerPolicyModule(admins: string[]) {
  return createBackendModule({
    pluginId: 'permission',
    moduleId: 'ml-reader-policy',
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy }) {
          policy.setPolicy(readerPolicy(admins));
        },
      });
    },
  });
}
