import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** @public */
export const rootRouteRef = createRouteRef({ id: 'ml' });

/** @public */
export const workspaceRouteRef = createSubRouteRef({
  id: 'ml/workspace',
  parent: rootRouteRef,
  path: '/workspaces/:workspace',
});

/**
 * A project's pages. The plugin's own links fill `projectId` with
 * `<name>-<id>` so that URLs say which project they show; a bare id works
 * too.
 *
 * @public
 */
export const projectRouteRef = createSubRouteRef({
  id: 'ml/project',
  parent: rootRouteRef,
  path: '/projects/:projectId',
});
