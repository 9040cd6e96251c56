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

/**
 * The user's rights on a project, from the permission framework: the same
 * decisions the ML backend enforces, asked with the project as the
 * resource. Repeated calls for one project share their requests.
 */
export function useProjectAccess(projectId: string): ProjectAccess {
  const read = usePermission({ permission: mlProjectReadPermission, resourceRef: projectId });
  const operate = usePermission({ permission: mlProjectOperatePermission, resourceRef: projectId });
  const write = usePermission({ permission: mlProjectWritePermission, resourceRef: projectId });
  const admin = usePermission({ permission: mlProjectAdminPermission, resourceRef: projectId });
  return {
    loading: read.loading || operate.loading || write.loading || admin.loading,
    canRead: read.allowed,
    canOperate: operate.allowed,
    canWrite: write.allowed,
    canAdmin: admin.allowed,
  };
}

/** Why an action is disabled, for a tooltip: the role it needs. */
export function needsRole(role: CollaboratorRole): string {
  return `You need the ${role} role on this project to do this`;
}
