import { createCatalogConditionalDecision } from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  ML_PROJECT_RESOURCE_TYPE,
  mlRuntimeManagePermission,
  mlWorkspaceManagePermission,
} from '@ml-platform/plugin-ml-common';
import { createMlProjectRoleDecision } from '@ml-platform/plugin-ml-backend/alpha';
import { mlCatalogConditions } from '@ml-platform/plugin-catalog-backend-module-ml/alpha';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

const ADMIN_ONLY = new Set([
  mlWorkspaceManagePermission.name,
  mlRuntimeManagePermission.name,
]);

/**
 * The portal's policy: CML's semantics for the ML platform, everything else
 * allowed as before (the portal had the allow-all policy).
 *
 * - Workspace admins (the users and members of the groups in
 *   `ml.access.workspaceAdmins`) hold `ml.workspace.manage` and
 *   `ml.runtime.manage`, and every project permission.
 * - Everyone else gets CML's project roles: owner, collaborators and team
 *   members by their role; readers of public projects and, for team
 *   projects, of members of the owner's groups.
 * - The catalog keeps the entities of private and team projects (project,
 *   models, their APIs, applications) to the same readers
 *   (`IS_ML_PROJECT_READER`, from the catalog module's marks); workspace
 *   admins read every entity.
 */
export class MlPermissionPolicy implements PermissionPolicy {
  private readonly admins: Set<string>;

  constructor(options: { workspaceAdmins: string[] }) {
    this.admins = new Set(
      options.workspaceAdmins.map(ref => ref.toLocaleLowerCase('en-US')),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const isAdmin = (user?.info.ownershipEntityRefs ?? []).some(ref =>
      this.admins.has(ref.toLocaleLowerCase('en-US')),
    );
    if (isResourcePermission(permission, ML_PROJECT_RESOURCE_TYPE)) {
      if (!user) return DENY;
      return isAdmin
        ? ALLOW
        : createMlProjectRoleDecision(permission, user.info);
    }
    if (isPermission(permission, catalogEntityReadPermission)) {
      if (isAdmin) return ALLOW;
      return createCatalogConditionalDecision(
        permission,
        mlCatalogConditions.isMlProjectReader({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    if (ADMIN_ONLY.has(permission.name)) {
      return isAdmin ? ALLOW : DENY;
    }
    return ALLOW;
  }
}
