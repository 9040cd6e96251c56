import type { V1ResourceQuota } from '@kubernetes/client-node';
import { StartDeferredError, WorkloadSpec } from '@ml-platform/plugin-ml-node';
import { Json, JsonList } from '../client/json';
import { isQuotaExceeded } from '../client/KubeApiError';
import {
  Manifests,
  namespaceManifest,
  ownerReference,
} from '../manifests/manifests';
import { Cluster, COLLECTIONS, WATCHED_KIND_OF } from './Cluster';
import { WatchedObject } from './ClusterCache';
import { applyNetworkPolicy } from './networkPolicy';
import { checkQuota } from './quota';
import { applyQuota } from './quotaMirror';
import { createIfMissing } from './writes';

/**
 * Makes what one attempt runs in and on, in order: the project namespace
 * with its NetworkPolicy and quota, the attempt's Secret, the Pod, Job or
 * Deployment (which then owns the Secret) and its Service. Each step finds
 * what an earlier try made (409 → get), so a retried start converges; a
 * start the namespace quota refuses is deferred.
 */
export async function createWorkload(
  cluster: Cluster,
  spec: WorkloadSpec,
  m: Manifests,
): Promise<void> {
  const { settings, client } = cluster;
  const kind = WATCHED_KIND_OF[m.workload.kind ?? ''];
  await createIfMissing(
    client,
    '/api/v1/namespaces',
    namespaceManifest(settings, spec),
  );
  await applyNetworkPolicy(client, settings, spec);
  if (spec.quota) await applyQuota(client, m.namespace, spec.quota);
  if (kind !== 'pods') {
    // Jobs and Deployments pass admission; their pods are refused later,
    // out of sight. Check the namespace's quotas first instead.
    const refusal = checkQuota(
      await client.get<JsonList<Json<V1ResourceQuota>>>(
        `/api/v1/namespaces/${m.namespace}/resourcequotas`,
      ),
      spec.resources,
    );
    if (refusal) throw new StartDeferredError(refusal);
  }
  // First the token, which the pods read; the workload then owns it (below).
  await createIfMissing(
    client,
    `/api/v1/namespaces/${m.namespace}/secrets`,
    m.secret,
  );
  let created: WatchedObject;
  try {
    created = await createIfMissing<WatchedObject>(
      client,
      COLLECTIONS[kind](m.namespace),
      m.workload,
    );
  } catch (error) {
    if (isQuotaExceeded(error)) {
      throw new StartDeferredError(
        `the cluster quota of namespace ${m.namespace} is used up: ${
          (error as Error).message
        }`,
      );
    }
    throw error;
  }
  cluster.cache.remember(kind, created);
  await client.request(
    'PATCH',
    `/api/v1/namespaces/${m.namespace}/secrets/${m.secret.metadata?.name}`,
    {
      metadata: { ownerReferences: [ownerReference(created)] },
    },
  );
  if (m.service) {
    const service = {
      ...m.service,
      metadata: {
        ...m.service.metadata,
        ownerReferences: [ownerReference(created)],
      },
    };
    await createIfMissing(
      client,
      `/api/v1/namespaces/${m.namespace}/services`,
      service,
    );
  }
}
