import {
  createPermission,
  PermissionAttributes,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { CollaboratorRole, COLLABORATOR_ROLES } from './types';

/**
 * Manage workspaces: create, edit, delete, node groups, site env, quotas and
 * resource profiles. Its holders are the platform's workspace admins: the
 * default policy also gives them every project permission.
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

/**
 * The resource type of ML projects in the permission framework; a
 * project's resource ref is its id.
 *
 * @public
 */
export const ML_PROJECT_RESOURCE_TYPE = 'ml-project';

/** A permission on one project, by its id; named `ml.project.<level>`. */
function projectPermission(
  level: string,
  action: PermissionAttributes['action'],
): ResourcePermission<typeof ML_PROJECT_RESOURCE_TYPE> {
  return createPermission({
    name: `ml.project.${level}`,
    attributes: { action },
    resourceType: ML_PROJECT_RESOURCE_TYPE,
  });
}

/**
 * See a project and everything in it: files, sessions, jobs and their logs,
 * models, monitoring, lineage, applications. CML's Viewer.
 *
 * @public
 */
export const mlProjectReadPermission = projectPermission('read', 'read');

/**
 * Start and stop what is already defined: job runs, applications, model
 * deployments. CML's Operator.
 *
 * @public
 */
export const mlProjectOperatePermission = projectPermission(
  'operate',
  'update',
);

/**
 * Change the project's work: files, sessions and their console (code
 * execution), jobs, models, builds, access keys, applications. CML's
 * Contributor.
 *
 * @public
 */
export const mlProjectWritePermission = projectPermission('write', 'update');

/**
 * Change the project itself: settings, collaborators, owner, visibility,
 * team role; delete it. CML's project Admin.
 *
 * @public
 */
export const mlProjectAdminPermission = projectPermission('admin', 'delete');

/**
 * The project permissions, weakest first: each collaborator role holds its
 * own and every weaker one.
 *
 * @public
 */
export const mlProjectPermissions: ReadonlyArray<
  ResourcePermission<typeof ML_PROJECT_RESOURCE_TYPE>
> = [
  mlProjectReadPermission,
  mlProjectOperatePermission,
  mlProjectWritePermission,
  mlProjectAdminPermission,
];

/**
 * The weakest collaborator role that holds a project permission.
 *
 * @public
 */
export function roleForProjectPermission(
  permissionName: string,
): CollaboratorRole {
  const index = mlProjectPermissions.findIndex(p => p.name === permissionName);
  if (index < 0) {
    throw new Error(`'${permissionName}' is not an ML project permission`);
  }
  return COLLABORATOR_ROLES[index];
}

/**
 * Whether a role is at least as strong as another (viewer < operator <
 * contributor < admin).
 *
 * @public
 */
export function roleAtLeast(
  role: CollaboratorRole,
  minimum: CollaboratorRole,
): boolean {
  return (
    COLLABORATOR_ROLES.indexOf(role) >= COLLABORATOR_ROLES.indexOf(minimum)
  );
}

/**
 * The roles at least as strong as the given one.
 *
 * @public
 */
export function rolesAtLeast(minimum: CollaboratorRole): CollaboratorRole[] {
  return COLLABORATOR_ROLES.filter(role => roleAtLeast(role, minimum));
}

/** @public */
export const mlPermissions = [
  mlWorkspaceManagePermission,
  mlRuntimeManagePermission,
  mlProjectCreatePermission,
  ...mlProjectPermissions,
];
