import type { KubernetesObject } from '@kubernetes/client-node';
import { StartDeferredError } from '@ml-platform/plugin-ml-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { Backoff } from '../client/backoff';
import { Json } from '../client/json';
import { KubeClient } from '../client/KubeClient';
import {
  hasStatus,
  isQuotaExceeded,
  isTransient,
} from '../client/KubeApiError';
import { Cluster, COLLECTIONS } from './Cluster';
import { WatchedKind } from './ClusterCache';

/** How `retrying` paces and counts its tries. */
export interface RetryOptions {
  backoff?: () => Backoff;
  /** Tries before giving up. Default 4. */
  tries?: number;
}

/**
 * Runs a cluster call, retrying transient failures (5xx, 429, timeouts,
 * refused connections, write conflicts) with capped, jittered backoff;
 * still failing, a start is deferred (the engine queues it again) rather
 * than failed: deterministic names make the next try find what this one
 * made, so nothing starts twice.
 */
export async function retrying<T>(
  what: string,
  task: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const backoff = options.backoff?.() ?? new Backoff(200, 5_000);
  const tries = options.tries ?? 4;
  for (let i = 1; ; i++) {
    try {
      return await task();
    } catch (error) {
      const retryable =
        isTransient(error) ||
        hasStatus(error, 409) ||
        isMissingServiceAccount(error);
      if (!retryable) throw error;
      if (i >= tries) {
        throw new StartDeferredError(
          `the cluster cannot be reached or is busy (${what}): ${
            (error as Error).message
          }`,
        );
      }
      await sleep(backoff.next());
    }
  }
}

/** A new namespace refuses pods until the controller-manager has made its default service account. */
function isMissingServiceAccount(error: unknown): boolean {
  if (!hasStatus(error, 403) || isQuotaExceeded(error)) return false;
  // Likewise a new quota, until the quota controller has computed its status.
  return /service ?account|status unknown for quota/i.test(
    (error as Error).message,
  );
}

/** POSTs an object; one that exists already (409) is fetched instead and counts as made. */
export async function createIfMissing<T extends Json<KubernetesObject>>(
  client: KubeClient,
  collection: string,
  object: T,
): Promise<T> {
  try {
    return await client.request<T>('POST', collection, object);
  } catch (error) {
    if (!hasStatus(error, 409)) throw error;
    try {
      return await client.get<T>(`${collection}/${object.metadata?.name}`);
    } catch (getError) {
      // Not there after all: the 409 was a conflict, to be retried.
      if (hasStatus(getError, 404)) throw error;
      throw getError;
    }
  }
}

/** Deletes one of the driver's objects (gone already is fine) and drops it from the mirror. */
export async function deleteObject(
  cluster: Cluster,
  kind: WatchedKind,
  object: Json<KubernetesObject>,
): Promise<void> {
  const namespace = object.metadata?.namespace ?? '';
  const name = object.metadata?.name ?? '';
  try {
    // Background: the Job's pods and the Service (owner references) go too.
    await cluster.client.request(
      'DELETE',
      `${COLLECTIONS[kind](namespace)}/${name}`,
      { propagationPolicy: 'Background', gracePeriodSeconds: 5 },
    );
  } catch (error) {
    if (!hasStatus(error, 404)) throw error;
  }
  cluster.cache.forgetObject(kind, namespace, name);
}
