import { createPermissionRule } from '@backstage/plugin-permission-node';
import { mlProjectPermissionResourceRef } from '@ml-platform/plugin-ml-node';
import { z } from 'zod';
import { sameRef } from './refs';

/**
 * Projects owned by one of the claims (a user, or a group the user is in).
 *
 * @alpha
 */
export const isProjectOwner = createPermissionRule({
  name: 'IS_PROJECT_OWNER',
  description: 'Allow projects owned by one of the given user or group refs',
  resourceRef: mlProjectPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('User and group entity refs; one of them must own the project'),
  }),
  apply: (project, { claims }) =>
    claims.some(claim => sameRef(claim, project.owner)),
  toQuery: ({ claims }) => ({ owner: claims }),
});
