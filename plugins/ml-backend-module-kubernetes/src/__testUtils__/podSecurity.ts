import type { V1PodSpec } from '@kubernetes/client-node';
import { Json } from '../client/json';

/**
 * What Kubernetes' Pod Security "restricted" profile finds wrong with a pod
 * spec (the checks a pod of this driver can fail), plus a service-account
 * token mounted, which the driver promises not to do. Empty: admitted.
 */
export function restrictedViolations(
  pod: Json<V1PodSpec> | undefined,
): string[] {
  const found: string[] = [];
  const podContext = pod?.securityContext ?? {};
  if (pod?.automountServiceAccountToken !== false) {
    found.push('automountServiceAccountToken != false');
  }
  const containers = [
    ...(pod?.initContainers ?? []),
    ...(pod?.containers ?? []),
  ];
  for (const c of containers) {
    const own = c.securityContext ?? {};
    const name = `container "${c.name}"`;
    if ((own.runAsNonRoot ?? podContext.runAsNonRoot) !== true) {
      found.push(`runAsNonRoot != true (${name})`);
    }
    if ((own.runAsUser ?? podContext.runAsUser) === 0) {
      found.push(`runAsUser=0 (${name})`);
    }
    if (own.privileged === true) found.push(`privileged (${name})`);
    if (own.allowPrivilegeEscalation !== false) {
      found.push(`allowPrivilegeEscalation != false (${name})`);
    }
    if (!(own.capabilities?.drop ?? []).includes('ALL')) {
      found.push(`unrestricted capabilities (${name} must drop ALL)`);
    }
    const seccomp = (own.seccompProfile ?? podContext.seccompProfile)?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') {
      found.push(`seccompProfile (${name} must be RuntimeDefault)`);
    }
  }
  return found;
}
