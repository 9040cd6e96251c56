import {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { mlProjectPermissions } from '@ml-platform/plugin-ml-common';
import { mlProjectPermissionResourceRef } from '@ml-platform/plugin-ml-node';
import { ProjectStore } from '../database';
import { OwnerGroups } from './OwnerGroups';
import { ProjectAccess } from './ProjectAccess';
import { ProjectResources } from './ProjectResources';
import { RequestAccess } from './RequestAccess';
import { mlProjectPermissionRules } from './rules';

/**
 * Registers the ML project resource type (its permissions, rules and
 * loader, so policies and the permission backend can use them) and builds
 * the routers' access checks on top of it.
 */
export function createRequestAccess(deps: {
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  projects: ProjectStore;
}): RequestAccess {
  const ownerGroups = new OwnerGroups(deps);
  const resources = new ProjectResources({
    projects: deps.projects,
    ownerGroups,
  });
  deps.permissionsRegistry.addResourceType({
    resourceRef: mlProjectPermissionResourceRef,
    permissions: [...mlProjectPermissions],
    rules: Object.values(mlProjectPermissionRules),
    getResources: refs => resources.byRefs(refs),
  });
  const projectAccess = new ProjectAccess({
    permissions: deps.permissions,
    ruleset: deps.permissionsRegistry.getPermissionRuleset(
      mlProjectPermissionResourceRef,
    ),
    projects: deps.projects,
    resources,
    ownerGroups,
  });
  return new RequestAccess({ ...deps, projects: projectAccess });
}
