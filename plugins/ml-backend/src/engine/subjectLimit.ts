import { ResourceLimits, Workspace } from '@ml-platform/plugin-ml-common';

/**
 * The limit a charged subject has in a workspace: its own quota, else, for
 * users, the workspace's default user quota; teams without a quota are not
 * limited (undefined). Admission decides by it, and the engine passes it to
 * drivers that mirror it (Kubernetes: the namespace's ResourceQuota).
 */
export function subjectLimit(
  subject: string,
  own: ResourceLimits | undefined,
  workspace: Pick<Workspace, 'defaultUserQuota'>,
): ResourceLimits | undefined {
  if (own) return { cpu: own.cpu, memoryMiB: own.memoryMiB, gpu: own.gpu };
  return subject.startsWith('user:') ? workspace.defaultUserQuota : undefined;
}
