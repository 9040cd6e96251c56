import { createPermissionRule } from '@backstage/plugin-permission-node';
import {
  COLLABORATOR_ROLES,
  CollaboratorRole,
  roleAtLeast,
  rolesAtLeast,
} from '@ml-platform/plugin-ml-common';
import { mlProjectPermissionResourceRef } from '@ml-platform/plugin-ml-node';
import { z } from 'zod';
import { anyRefIn } from './refs';

/**
 * Projects where one of the claims is a collaborator with at least the given
 * role (viewer < operator < contributor < admin).
 *
 * @alpha
 */
export const hasCollaboratorRole = createPermissionRule({
  name: 'HAS_COLLABORATOR_ROLE',
  description:
    'Allow projects where one of the given refs collaborates with at least the given role',
  resourceRef: mlProjectPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('User and group entity refs of the caller'),
    role: z
      .enum(COLLABORATOR_ROLES as [CollaboratorRole, ...CollaboratorRole[]])
      .describe('The weakest role that passes'),
  }),
  apply: (project, { claims, role }) =>
    project.collaborators.some(
      c => roleAtLeast(c.role, role) && anyRefIn([c.subject], claims),
    ),
  toQuery: ({ claims, role }) => ({
    collaborator: { subjects: claims, roles: rolesAtLeast(role) },
  }),
});
