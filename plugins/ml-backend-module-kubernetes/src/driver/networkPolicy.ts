import type { V1NetworkPolicy } from '@kubernetes/client-node';
import { WorkloadSpec } from '@ml-platform/plugin-ml-node';
import { Json } from '../client/json';
import { ClusterSettings } from '../config';
import { KubeClient } from '../client/KubeClient';
import { hasStatus } from '../client/KubeApiError';
import {
  networkPolicyManifest,
  sameNetworkPolicy,
} from '../manifests/networkPolicy';

/**
 * Makes the project namespace's NetworkPolicy exist as configured: created
 * with the namespace ("already exists" counts as made), and rewritten when
 * the configured backend peers changed since. A concurrent writer makes the
 * PUT 409, which the driver's retry turns into another read.
 */
export async function applyNetworkPolicy(
  client: KubeClient,
  settings: ClusterSettings,
  spec: Pick<WorkloadSpec, 'projectId' | 'projectName' | 'workspace'>,
): Promise<void> {
  if (!settings.networkPolicy) return;
  const desired = networkPolicyManifest(settings, spec, settings.networkPolicy);
  const collection = `/apis/networking.k8s.io/v1/namespaces/${desired.metadata.namespace}/networkpolicies`;
  const path = `${collection}/${desired.metadata.name}`;
  let current: Json<V1NetworkPolicy>;
  try {
    await client.request('POST', collection, desired);
    return;
  } catch (error) {
    if (!hasStatus(error, 409)) throw error;
    try {
      current = await client.get<Json<V1NetworkPolicy>>(path);
    } catch (getError) {
      // Deleted in between: the 409 is retried as a conflict.
      if (hasStatus(getError, 404)) throw error;
      throw getError;
    }
  }
  if (sameNetworkPolicy(current, desired)) return;
  await client.request('PUT', path, {
    ...desired,
    metadata: {
      ...desired.metadata,
      resourceVersion: current.metadata?.resourceVersion,
    },
  });
}
