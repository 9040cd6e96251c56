import type { V1ResourceQuota } from '@kubernetes/client-node';
import { WorkloadSpec } from '@ml-platform/plugin-ml-node';
import { Json } from '../client/json';
import { KubeClient } from '../client/KubeClient';
import { quotaManifest } from '../manifests/manifests';
import { parseQuantity } from './quota';
import { createIfMissing } from './writes';

/**
 * Makes the namespace's ResourceQuota mirror the quota the engine charges
 * (WorkloadSpec.quota): created with the first start, rewritten when the
 * charged limit changed since.
 */
export async function applyQuota(
  client: KubeClient,
  namespace: string,
  quota: NonNullable<WorkloadSpec['quota']>,
): Promise<void> {
  const desired = quotaManifest(namespace, quota);
  const path = `/api/v1/namespaces/${namespace}/resourcequotas`;
  const current = await createIfMissing<Json<V1ResourceQuota>>(
    client,
    path,
    desired,
  );
  if (sameQuantities(current.spec?.hard ?? {}, desired.spec.hard)) return;
  // A concurrent writer makes this 409; the retry reads again.
  await client.request('PUT', `${path}/${desired.metadata.name}`, {
    ...desired,
    metadata: {
      ...desired.metadata,
      resourceVersion: current.metadata?.resourceVersion,
    },
  });
}

/** The apiserver canonicalizes quantities (16384Mi comes back as 16Gi) and sorts keys. */
function sameQuantities(
  a: Record<string, string>,
  b: Record<string, string>,
): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every(
    k =>
      a[k] !== undefined &&
      b[k] !== undefined &&
      parseQuantity(a[k]) === parseQuantity(b[k]),
  );
}
