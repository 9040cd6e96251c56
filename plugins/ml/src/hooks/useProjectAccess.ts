import { usePermission } from '@backstage/plugin-permission-react';
import {
  CollaboratorRole,
  mlProjectAdminPermission,
  mlProjectOperatePermission,
  mlProjectReadPermission,
  mlProjectWritePermission,
} from '@ml-platform/plugin-ml-common';

/** What the signed-in user may do with a project (CML's roles). */
export interface ProjectAccess {
  /** Still asking: show actions disabled until it is known. */
  loading: boolean;
  /** See it (viewer). */
  canRead: boolean;
  /** Start and stop job runs, applications and deployments (operator). */
  canOperate: boolean;
  /** Change files, sessions, jobs, models and applications (contributor). */
  canWrite: boolean;
  /** Change settings and collaborators, delete the project (admin). */
  canAdmin: boolean;
}

/** One of the project permissions, asked with the project as the resource. */
function useProjectPermission(
  permission: typeof mlProjectReadPermission,
  projectId: string,
) {
  return usePermission({ permission, resourceRef: projectId });
}

/**
 * The user's rights on a project, from the permission framework: the same
 * decisions the ML backend enforces, asked with the project as the
 * resource. Repeated calls for one project share their requests.
 */
export function useProjectAccess(projectId: string): ProjectAccess {
  const read = useProjectPermission(mlProjectReadPermission, projectId);
  const operate = useProjectPermission(mlProjectOperatePermission, projectId);
  const write = useProjectPermission(mlProjectWritePermission, projectId);
  const admin = useProjectPermission(mlProjectAdminPermission, projectId);
  return {
    loading: read.loading || operate.loading || write.loading || admin.loading,
    // Nothing is allowed before every answer is in, so that no action shows
    // enabled and then turns off.
    canRead: read.allowed,
    canOperate: operate.allowed,
    canWrite: write.allowed,
    canAdmin: admin.allowed,
  };
}

/** Whether the user holds a role (or a stronger one) on the project. */
export function holdsRole(
  access: ProjectAccess,
  role: CollaboratorRole,
): boolean {
  if (access.loading) {
    return false;
  }
  switch (role) {
    case 'viewer':
      return access.canRead;
    case 'operator':
      return access.canOperate;
    case 'contributor':
      return access.canWrite;
    case 'admin':
      return access.canAdmin;
    default:
      return false;
  }
}

/** The strongest role the user holds on the project, if any. */
export function strongestRole(
  access: ProjectAccess,
): CollaboratorRole | undefined {
  const roles: CollaboratorRole[] = [
    'admin',
    'contributor',
    'operator',
    'viewer',
  ];
  return roles.find(role => holdsRole(access, role));
}

/** Why an action is disabled, for a tooltip: the role it needs. */
export function needsRole(role: CollaboratorRole): string {
  return `You need the ${role} role on this project to do this`;
}

/** Why an action is disabled while the permissions are still being asked. */
export const CHECKING_ACCESS = 'Checking your access to this project…';
