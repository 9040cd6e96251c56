import { createPermissionRule } from '@backstage/plugin-permission-node';
import {
  COLLABORATOR_ROLES,
  CollaboratorRole,
  roleAtLeast,
  rolesAtLeast,
} from '@ml-platform/plugin-ml-common';
import { mlProjectPermissionResourceRef } from '@ml-platform/plugin-ml-node';
import { z } from 'zod';

/**
 * Projects whose team role (what members of an owning group may do) is at
 * least the given role. Combined with `isProjectOwner` on the caller's
 * groups, it gives CML's teams.
 *
 * @alpha
 */
export const hasTeamRole = createPermissionRule({
  name: 'HAS_TEAM_ROLE',
  description:
    "Allow projects whose owning group's members have at least the given role",
  resourceRef: mlProjectPermissionResourceRef,
  paramsSchema: z.object({
    role: z
      .enum(COLLABORATOR_ROLES as [CollaboratorRole, ...CollaboratorRole[]])
      .describe('The weakest team role that passes'),
  }),
  apply: (project, { role }) => roleAtLeast(project.teamRole, role),
  toQuery: ({ role }) => ({ teamRole: rolesAtLeast(role) }),
});
