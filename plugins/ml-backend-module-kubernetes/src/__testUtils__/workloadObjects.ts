import { JsonList } from '../client/json';
import { KubeClient } from '../client/KubeClient';
import { COLLECTIONS } from '../driver/Cluster';
import { WatchedKind, WatchedObjects } from '../driver/ClusterCache';
import { WORKLOAD_ID } from '../manifests/names';

/** The Pods, Jobs or Deployments of a workload in a namespace, straight from the cluster. */
export async function workloadObjects<Kind extends WatchedKind>(
  admin: KubeClient,
  namespace: string,
  kind: Kind,
  workloadId: string,
): Promise<WatchedObjects[Kind][]> {
  const list = await admin.get<JsonList<WatchedObjects[Kind]>>(
    COLLECTIONS[kind](namespace),
    { labelSelector: `${WORKLOAD_ID}=${workloadId}` },
  );
  if (!list.items) throw new Error(`no items in the list of ${kind}`);
  return list.items;
}
