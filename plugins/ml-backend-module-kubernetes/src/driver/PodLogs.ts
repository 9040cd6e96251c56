import { NotFoundError } from '@backstage/errors';
import type { V1Pod } from '@kubernetes/client-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { Json } from '../client/json';
import { hasStatus } from '../client/KubeApiError';
import type { Cluster } from './Cluster';

const WAIT_MS = 500;

/**
 * A workload's log through the pod log API. With `follow`, waits for the
 * container to start (the API answers 400 while it waits), then streams
 * until the pod ends or the caller aborts.
 */
export class PodLogs {
  constructor(
    private readonly pod: () =>
      | { cluster: Cluster; pod: Json<V1Pod> }
      | undefined,
    private readonly hasEnded: () => Promise<boolean>,
  ) {}

  async *lines(options: {
    follow: boolean;
    signal?: AbortSignal;
  }): AsyncIterable<string> {
    for (;;) {
      const found = this.pod();
      if (!found) {
        if (
          options.follow &&
          !(await this.hasEnded()) &&
          !options.signal?.aborted
        ) {
          await sleep(WAIT_MS);
          continue;
        }
        throw new NotFoundError('No pod (and so no logs) for this workload');
      }
      const { metadata } = found.pod;
      const path = `/api/v1/namespaces/${metadata?.namespace}/pods/${metadata?.name}/log`;
      try {
        yield* found.cluster.client.lines(
          path,
          { container: 'main', follow: options.follow },
          options.signal,
        );
        return;
      } catch (error) {
        // 400: the container has not started yet.
        if (
          !hasStatus(error, 400) ||
          !options.follow ||
          options.signal?.aborted
        ) {
          if (hasStatus(error, 400)) return;
          throw error;
        }
        if (await this.hasEnded()) return;
        await sleep(WAIT_MS, undefined, { signal: options.signal }).catch(
          () => {},
        );
      }
    }
  }
}
