import type { V1Pod } from '@kubernetes/client-node';
import { ObservedWorkload } from '@ml-platform/plugin-ml-node';
import { Json } from '../client/json';
import { FORGOTTEN, refFromLabels, refKey } from '../manifests/names';
import { ClusterCache, WatchedObject } from './ClusterCache';
import { deploymentPhase, jobPhase, PhaseReport, podPhase } from './phases';

/**
 * The attempts one cluster's mirror shows, each with the phase its Job,
 * Deployment or session Pod (and their pods) report; forgotten ones and
 * the pods of Jobs and ReplicaSets are left out.
 */
export function observeCluster(cache: ClusterCache): ObservedWorkload[] {
  const observed: ObservedWorkload[] = [];
  const podsByRef = new Map<string, Json<V1Pod>[]>();
  for (const pod of cache.list('pods')) {
    const ref = refFromLabels(pod.metadata?.labels);
    if (!ref) continue;
    podsByRef.set(refKey(ref), [...(podsByRef.get(refKey(ref)) ?? []), pod]);
  }
  const add = (
    object: WatchedObject,
    report: (pods: Json<V1Pod>[]) => PhaseReport,
  ) => {
    const ref = refFromLabels(object.metadata?.labels);
    if (!ref || object.metadata?.labels?.[FORGOTTEN]) return;
    observed.push({ ...ref, ...report(podsByRef.get(refKey(ref)) ?? []) });
  };
  for (const job of cache.list('jobs')) add(job, pods => jobPhase(job, pods));
  for (const d of cache.list('deployments'))
    add(d, pods => deploymentPhase(d, pods));
  for (const pod of cache.list('pods')) {
    if (pod.metadata?.ownerReferences?.length) continue; // a Job's or ReplicaSet's
    add(pod, () => podPhase(pod));
  }
  return observed;
}
