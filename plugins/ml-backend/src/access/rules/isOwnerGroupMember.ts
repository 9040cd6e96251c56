import { createPermissionRule } from '@backstage/plugin-permission-node';
import { mlProjectPermissionResourceRef } from '@ml-platform/plugin-ml-node';
import { z } from 'zod';
import { anyRefIn } from './refs';

/**
 * Projects whose owner group is one of the claims: the owning group of a
 * group-owned project, or a group the owning user belongs to.
 *
 * @alpha
 */
export const isOwnerGroupMember = createPermissionRule({
  name: 'IS_OWNER_GROUP_MEMBER',
  description:
    'Allow projects owned by one of the given groups or by a member of one of them',
  resourceRef: mlProjectPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Group entity refs the caller belongs to'),
  }),
  apply: (project, { claims }) => anyRefIn(project.ownerGroups, claims),
  toQuery: ({ claims }) => ({ ownerGroupIn: claims }),
});
