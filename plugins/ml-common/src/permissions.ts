import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Manage workspaces: create, edit, delete, node groups, site env, quotas and
 * resource profiles.
 *
 * @public
 */
export const mlWorkspaceManagePermission = createPermission({
  name: 'ml.workspace.manage',
  attributes: { action: 'update' },
});

/**
 * Manage the runtime catalog.
 *
 * @public
 */
export const mlRuntimeManagePermission = createPermission({
  name: 'ml.runtime.manage',
  attributes: { action: 'update' },
});

/**
 * Create ML projects.
 *
 * @public
 */
export const mlProjectCreatePermission = createPermission({
  name: 'ml.project.create',
  attributes: { action: 'create' },
});

/** @public */
export const mlPermissions = [
  mlWorkspaceManagePermission,
  mlRuntimeManagePermission,
  mlProjectCreatePermission,
];
