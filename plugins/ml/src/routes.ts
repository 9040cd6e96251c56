import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** @public */
export const rootRouteRef = createRouteRef({ id: 'ml' });

/** @public */
export const workspaceRouteRef = createSubRouteRef({
  id: 'ml/workspace',
  parent: rootRouteRef,
  path: '/workspaces/:workspace',
});

/** @public */
export const projectRouteRef = createSubRouteRef({
  id: 'ml/project',
  parent: rootRouteRef,
  path: '/projects/:projectId',
});
