import {
  ConditionalPolicyDecision,
  PermissionCondition,
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  ML_PROJECT_RESOURCE_TYPE,
  roleForProjectPermission,
} from '@ml-platform/plugin-ml-common';
import {
  createMlProjectConditionalDecision,
  mlProjectConditions as conditions,
} from './conditionExports';

type ProjectCondition = PermissionCriteria<
  PermissionCondition<typeof ML_PROJECT_RESOURCE_TYPE>
>;

/** The signed-in user as a policy sees them. */
export interface MlPolicyUser {
  userEntityRef: string;
  /** The user's ref and the refs of the groups they belong to. */
  ownershipEntityRefs: string[];
}

/**
 * CML's project roles as permission conditions, for a policy to return:
 *
 * - the owning user is the project's admin;
 * - collaborators (users, or groups the user is in) hold their role;
 * - members of an owning group hold the project's team role;
 * - everyone reads a `public` project, and members of the owner's groups
 *   read a `team` one.
 *
 * Each role holds the permissions of the weaker ones (viewer: read;
 * operator: also operate; contributor: also write; admin: everything).
 *
 * @alpha
 */
export function mlProjectRoleConditions(
  permission: ResourcePermission<typeof ML_PROJECT_RESOURCE_TYPE>,
  user: MlPolicyUser,
): ProjectCondition {
  const role = roleForProjectPermission(permission.name);
  const groups = user.ownershipEntityRefs.filter(ref =>
    ref.toLocaleLowerCase('en-US').startsWith('group:'),
  );
  const criteria: ProjectCondition[] = [
    conditions.isProjectOwner({ claims: [user.userEntityRef] }),
    conditions.hasCollaboratorRole({ claims: user.ownershipEntityRefs, role }),
  ];
  if (groups.length > 0) {
    criteria.push({
      allOf: [
        conditions.isProjectOwner({ claims: groups }),
        conditions.hasTeamRole({ role }),
      ],
    });
  }
  if (role === 'viewer') {
    criteria.push(
      conditions.hasProjectVisibility({ visibilities: ['public'] }),
    );
    if (groups.length > 0) {
      criteria.push({
        allOf: [
          conditions.hasProjectVisibility({ visibilities: ['team'] }),
          conditions.isOwnerGroupMember({ claims: groups }),
        ],
      });
    }
  }
  return { anyOf: criteria as [ProjectCondition, ...ProjectCondition[]] };
}

/**
 * {@link mlProjectRoleConditions} as the conditional decision a policy
 * returns for an ML project permission.
 *
 * @alpha
 */
export function createMlProjectRoleDecision(
  permission: ResourcePermission<typeof ML_PROJECT_RESOURCE_TYPE>,
  user: MlPolicyUser,
): ConditionalPolicyDecision {
  return createMlProjectConditionalDecision(
    permission,
    mlProjectRoleConditions(permission, user),
  );
}
