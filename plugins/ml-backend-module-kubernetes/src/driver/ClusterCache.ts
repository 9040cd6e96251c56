import { LoggerService } from '@backstage/backend-plugin-api';
import type {
  KubernetesObject,
  V1Deployment,
  V1Job,
  V1Pod,
} from '@kubernetes/client-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { Backoff } from '../client/backoff';
import { Json, JsonList } from '../client/json';
import { KubeClient } from '../client/KubeClient';
import { hasStatus } from '../client/KubeApiError';
import { MANAGED_SELECTOR } from '../manifests/names';

/** The kinds the driver makes and watches, all namespaces. */
export const WATCHED = {
  pods: '/api/v1/pods',
  jobs: '/apis/batch/v1/jobs',
  deployments: '/apis/apps/v1/deployments',
} as const;
export type WatchedKind = keyof typeof WATCHED;

/** The objects of each watched kind. */
export interface WatchedObjects {
  pods: Json<V1Pod>;
  jobs: Json<V1Job>;
  deployments: Json<V1Deployment>;
}
export type WatchedObject = WatchedObjects[WatchedKind];

const key = (o: Json<KubernetesObject>) =>
  `${o.metadata?.namespace}/${o.metadata?.name}`;

/**
 * A level-triggered mirror of what the driver manages in one cluster: a full
 * list, then a watch from its resourceVersion that the server ends after
 * `resyncSeconds` (so the next full list comes at least that often); 410
 * Gone relists at once; errors (5xx, timeouts, 429, refused connections)
 * back off with jitter, capped. `observe` reads only this mirror.
 */
export class ClusterCache {
  private readonly objects: {
    [Kind in WatchedKind]: Map<string, WatchedObjects[Kind]>;
  } = {
    pods: new Map(),
    jobs: new Map(),
    deployments: new Map(),
  };
  private readonly synced = new Set<WatchedKind>();
  private lastError?: string;
  private readonly abort = new AbortController();
  private loops: Promise<void>[] = [];
  /** Full lists done per kind (tests count resyncs). */
  readonly lists: Record<WatchedKind, number> = {
    pods: 0,
    jobs: 0,
    deployments: 0,
  };

  constructor(
    private readonly client: KubeClient,
    private readonly options: {
      resyncSeconds: number;
      logger: LoggerService;
      backoff?: () => Backoff;
    },
  ) {}

  start(): void {
    if (this.loops.length) return;
    this.loops = (Object.keys(WATCHED) as WatchedKind[]).map(kind =>
      this.run(kind),
    );
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.loops);
  }

  /** Usable once every kind has been listed and the last call worked. */
  get availability(): { available: boolean; message?: string } {
    if (this.lastError) return { available: false, message: this.lastError };
    if (this.synced.size < Object.keys(WATCHED).length) {
      return { available: false, message: 'not in sync with the cluster yet' };
    }
    return { available: true };
  }

  list<Kind extends WatchedKind>(kind: Kind): WatchedObjects[Kind][] {
    return [...this.objects[kind].values()];
  }

  /** Records what the driver just made, so it is observed before the watch says so. */
  remember<Kind extends WatchedKind>(
    kind: Kind,
    object: WatchedObjects[Kind],
  ): void {
    const existing = this.objects[kind].get(key(object));
    if (!existing) this.objects[kind].set(key(object), object);
  }

  forgetObject(kind: WatchedKind, namespace: string, name: string): void {
    this.objects[kind].delete(`${namespace}/${name}`);
  }

  private async run<Kind extends WatchedKind>(kind: Kind): Promise<void> {
    const backoff = this.options.backoff?.() ?? new Backoff(200, 30_000);
    const { signal } = this.abort;
    while (!signal.aborted) {
      try {
        const resourceVersion = await this.relist(kind);
        backoff.reset();
        await this.client.watch<WatchedObjects[Kind]>(
          WATCHED[kind],
          {
            labelSelector: MANAGED_SELECTOR,
            resourceVersion,
            timeoutSeconds: this.options.resyncSeconds,
            allowWatchBookmarks: true,
          },
          event => this.apply(kind, event.type, event.object),
          signal,
        );
      } catch (error) {
        if (signal.aborted) return;
        if (hasStatus(error, 410)) {
          // The resourceVersion is too old: start over from a fresh list.
          this.options.logger.debug(
            `Watch of ${kind} expired (410); listing again`,
          );
          continue;
        }
        this.lastError = `the cluster cannot be reached: ${
          (error as Error).message
        }`;
        const delay = backoff.next();
        this.options.logger.warn(
          `Kubernetes ${kind}: ${
            (error as Error).message
          }; retrying in ${delay} ms`,
        );
        await sleep(delay, undefined, { signal }).catch(() => {});
      }
    }
  }

  private async relist<Kind extends WatchedKind>(
    kind: Kind,
  ): Promise<string | undefined> {
    const list = await this.client.get<JsonList<WatchedObjects[Kind]>>(
      WATCHED[kind],
      {
        labelSelector: MANAGED_SELECTOR,
      },
    );
    const fresh = new Map<string, WatchedObjects[Kind]>();
    for (const item of list.items ?? []) fresh.set(key(item), item);
    this.objects[kind].clear();
    for (const [k, v] of fresh) this.objects[kind].set(k, v);
    this.lists[kind]++;
    this.synced.add(kind);
    this.lastError = undefined;
    return list.metadata?.resourceVersion;
  }

  private apply<Kind extends WatchedKind>(
    kind: Kind,
    type: string,
    object: WatchedObjects[Kind],
  ): void {
    if (type === 'BOOKMARK') return;
    if (type === 'DELETED') this.objects[kind].delete(key(object));
    else this.objects[kind].set(key(object), object);
  }
}
