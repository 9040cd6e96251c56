import { createPermissionRule } from '@backstage/plugin-permission-node';
import { mlProjectPermissionResourceRef } from '@ml-platform/plugin-ml-node';
import { z } from 'zod';

/**
 * Projects of one of the given visibilities.
 *
 * @alpha
 */
export const hasProjectVisibility = createPermissionRule({
  name: 'HAS_PROJECT_VISIBILITY',
  description:
    'Allow projects of one of the given visibilities (private, team, public)',
  resourceRef: mlProjectPermissionResourceRef,
  paramsSchema: z.object({
    visibilities: z
      .array(z.enum(['private', 'team', 'public']))
      .describe('The visibilities that pass'),
  }),
  apply: (project, { visibilities }) =>
    visibilities.includes(project.visibility),
  toQuery: ({ visibilities }) => ({ visibility: visibilities }),
});
