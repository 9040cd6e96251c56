import type { V1Pod, V1PodSpec } from '@kubernetes/client-node';
import { Json } from '../../client/json';
import { restrictedViolations } from '../podSecurity';
import { ObjectStore } from './ObjectStore';
import { StoredObject } from './resources';

/** A quantity of CPU in cores ("500m", "2") or memory in MiB ("512Mi", "1Gi"). */
export function quantity(v: string | undefined): number {
  if (!v) return 0;
  const m = /^([0-9.]+)(m|Mi|Gi)?$/.exec(v);
  if (!m) return 0;
  const n = Number(m[1]);
  if (m[2] === 'm') return n / 1000;
  return m[2] === 'Gi' ? n * 1024 : n;
}

/** The CPU a pod's containers request, in cores. */
export function cpuRequested(pod: Json<V1Pod>): number {
  return (pod.spec?.containers ?? []).reduce(
    (n, c) => n + quantity(c.resources?.requests?.cpu),
    0,
  );
}

/** The CPU the namespace's pods that still run (or wait to) request. */
export function cpuInUse(store: ObjectStore, namespace: string): number {
  return store
    .list('pods', namespace)
    .filter(p => !['Succeeded', 'Failed'].includes(p.status?.phase ?? ''))
    .reduce((n, p) => n + cpuRequested(p), 0);
}

/** The pod spec a created object runs: a Pod's own, a Job's or Deployment's template. */
function podSpecOf(
  resource: string,
  body: StoredObject & { spec?: unknown },
): Json<V1PodSpec> | undefined {
  if (resource === 'pods') return (body as Json<V1Pod>).spec;
  const template = (
    body.spec as { template?: { spec?: Json<V1PodSpec> } } | undefined
  )?.template;
  return template?.spec;
}

/** The Pod Security "restricted" admission plugin's 403 message, if it refuses. */
export function podSecurityRefusal(
  resource: string,
  body: StoredObject,
): string | undefined {
  if (!['pods', 'jobs', 'deployments'].includes(resource)) return undefined;
  const violations = restrictedViolations(podSpecOf(resource, body));
  if (violations.length === 0) return undefined;
  return `${resource} "${
    body.metadata?.name
  }" is forbidden: violates PodSecurity "restricted:latest": ${violations.join(
    ', ',
  )}`;
}

/** The ResourceQuota admission plugin's 403 message, if a pod exceeds a quota's requests.cpu. */
export function quotaRefusal(
  store: ObjectStore,
  namespace: string,
  pod: Json<V1Pod>,
): string | undefined {
  for (const quota of store.list('resourcequotas', namespace)) {
    const limit = quantity(quota.spec?.hard?.['requests.cpu']);
    if (!limit) continue;
    const used = cpuInUse(store, namespace);
    if (used + cpuRequested(pod) > limit + 1e-9) {
      return `pods "${pod.metadata?.name}" is forbidden: exceeded quota: ${
        quota.metadata?.name
      }, requested: requests.cpu=${cpuRequested(
        pod,
      )}, used: requests.cpu=${used}, limited: requests.cpu=${
        quota.spec?.hard?.['requests.cpu']
      }`;
    }
  }
  return undefined;
}
