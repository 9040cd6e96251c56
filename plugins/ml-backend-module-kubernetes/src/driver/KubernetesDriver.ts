import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ComputeDriver,
  DriverAvailability,
  ObservedWorkload,
  StartDeferredError,
  WorkloadRef,
  WorkloadSpec,
} from '@ml-platform/plugin-ml-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClusterSettings } from '../config';
import { Backoff } from '../client/backoff';
import { KubeClient } from '../client/KubeClient';
import {
  hasStatus,
  isQuotaExceeded,
  isTransient,
} from '../client/KubeApiError';
import {
  namespaceManifest,
  ownerReference,
  quotaManifest,
  workloadManifests,
} from '../manifests/manifests';
import { namespaceFor, refFromLabels, refKey } from '../manifests/names';
import { ClusterCache, WatchedKind } from './ClusterCache';
import { applyNetworkPolicy } from './networkPolicy';
import { deploymentPhase, jobPhase, podPhase } from './phases';
import { PodLogs } from './PodLogs';
import { checkQuota, parseQuantity } from './quota';

/** One workspace's cluster: its settings, client and mirror. */
export interface Cluster {
  settings: ClusterSettings;
  client: KubeClient;
  cache: ClusterCache;
}

/** Runs code in a pod's container, yielding stdout lines (client-node's Exec by default). */
export type PodExec = (
  cluster: Cluster,
  pod: { namespace: string; name: string; container: string },
  command: string[],
  stdin: string,
  signal?: AbortSignal,
) => AsyncIterable<string>;

const PATHS: Record<WatchedKind, (ns: string) => string> = {
  pods: ns => `/api/v1/namespaces/${ns}/pods`,
  jobs: ns => `/apis/batch/v1/namespaces/${ns}/jobs`,
  deployments: ns => `/apis/apps/v1/namespaces/${ns}/deployments`,
};
const KIND_OF: Record<string, WatchedKind> = {
  Pod: 'pods',
  Job: 'jobs',
  Deployment: 'deployments',
};

/**
 * Forwards the console's code to the session kernel inside the pod (the
 * kernel keeps the session's state; a fresh interpreter per call would not),
 * with the kernel's secret, which the exec'd process finds in the
 * container's environment (from the attempt's Secret) like the kernel did.
 */
export const KERNEL_CLIENT = [
  'import os, sys, urllib.request',
  "headers = {'Content-Type': 'text/plain; charset=utf-8', 'Authorization': 'Bearer ' + os.environ['ML_KERNEL_SECRET']}",
  "req = urllib.request.Request('http://127.0.0.1:%s/execute' % os.environ['ML_KERNEL_PORT'], data=sys.stdin.buffer.read(), headers=headers)",
  'resp = urllib.request.urlopen(req)',
  'for line in resp: sys.stdout.buffer.write(line); sys.stdout.flush()',
].join('\n');

export interface KubernetesDriverOptions {
  clusters: Cluster[];
  logger: LoggerService;
  exec?: PodExec;
  /** How often a start retries a transient error before deferring. Default 4. */
  startTries?: number;
  /** How often finished objects past `keepFinishedMinutes` are looked for. Default 60 s. */
  sweepIntervalMs?: number;
  now?: () => number;
  backoff?: () => Backoff;
}

/**
 * Runs workloads on Kubernetes, one cluster per workspace: a namespace per
 * project, a Pod (session), Job (job, build) or Deployment (model replica,
 * application) per attempt, named from workload id and attempt. State comes
 * from each cluster's watched mirror (ClusterCache), never from memory of
 * what was started, so a restarted backend picks up where it was.
 */
export class KubernetesDriver implements ComputeDriver {
  readonly name = 'kubernetes';
  private readonly clusters: Map<string, Cluster>;
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly options: KubernetesDriverOptions) {
    this.clusters = new Map(
      options.clusters.map(c => [c.settings.workspace, c]),
    );
  }

  startWatching(): void {
    for (const c of this.clusters.values()) c.cache.start();
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      this.sweepForgotten().catch(error =>
        this.options.logger.warn(
          `Cleaning up finished workloads failed: ${error}`,
        ),
      );
    }, this.options.sweepIntervalMs ?? 60_000);
    this.sweeper.unref?.();
  }

  async shutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    await Promise.all([...this.clusters.values()].map(c => c.cache.stop()));
  }

  async status(workspace: string): Promise<DriverAvailability> {
    const cluster = this.clusters.get(workspace);
    if (!cluster) {
      return {
        available: false,
        message: `no cluster is configured for workspace ${workspace} (ml.kubernetes.workspaces)`,
      };
    }
    return cluster.cache.availability;
  }

  async start(spec: WorkloadSpec): Promise<void> {
    const cluster = this.cluster(spec.workspace);
    const { settings, client } = cluster;
    const m = workloadManifests(settings, spec);
    const kind = KIND_OF[m.workload.kind];
    await this.retrying(`start ${m.name}`, async () => {
      await this.createIfMissing(
        client,
        '/api/v1/namespaces',
        namespaceManifest(settings, spec),
      );
      await applyNetworkPolicy(client, settings, spec);
      if (spec.quota) await this.applyQuota(client, m.namespace, spec);
      if (kind !== 'pods') {
        // Jobs and Deployments pass admission; their pods are refused later,
        // out of sight. Check the namespace's quotas first instead.
        const refusal = checkQuota(
          await client.get(`/api/v1/namespaces/${m.namespace}/resourcequotas`),
          spec.resources,
        );
        if (refusal) throw new StartDeferredError(refusal);
      }
      // First the token, which the pods read; the workload then owns it (below).
      await this.createIfMissing(
        client,
        `/api/v1/namespaces/${m.namespace}/secrets`,
        m.secret,
      );
      let created: any;
      try {
        created = await this.createIfMissing(
          client,
          PATHS[kind](m.namespace),
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
        `/api/v1/namespaces/${m.namespace}/secrets/${m.secret.metadata.name}`,
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
        await this.createIfMissing(
          client,
          `/api/v1/namespaces/${m.namespace}/services`,
          service,
        );
      }
    });
    this.options.logger.info(
      `Started ${spec.kind} ${spec.workloadId} attempt ${spec.attempt} as ${m.workload.kind} ${m.namespace}/${m.name}`,
    );
  }

  async stop(ref: WorkloadRef): Promise<void> {
    for (const cluster of this.clusters.values()) {
      for (const { kind, object } of await this.find(cluster, ref)) {
        await this.retrying(`stop ${object.metadata.name}`, () =>
          this.deleteObject(cluster, kind, object),
        );
      }
    }
  }

  async observe(): Promise<ObservedWorkload[]> {
    const observed: ObservedWorkload[] = [];
    for (const { cache } of this.clusters.values()) {
      const podsByRef = new Map<string, any[]>();
      for (const pod of cache.list('pods')) {
        const ref = refFromLabels(pod.metadata?.labels);
        if (!ref) continue;
        podsByRef.set(refKey(ref), [
          ...(podsByRef.get(refKey(ref)) ?? []),
          pod,
        ]);
      }
      const add = (
        object: any,
        report: (pods: any[]) => ReturnType<typeof podPhase>,
      ) => {
        const ref = refFromLabels(object.metadata?.labels);
        if (!ref || object.metadata?.labels?.[FORGOTTEN]) return;
        observed.push({ ...ref, ...report(podsByRef.get(refKey(ref)) ?? []) });
      };
      for (const job of cache.list('jobs'))
        add(job, pods => jobPhase(job, pods));
      for (const d of cache.list('deployments'))
        add(d, pods => deploymentPhase(d, pods));
      for (const pod of cache.list('pods')) {
        if (pod.metadata?.ownerReferences?.length) continue; // a Job's or ReplicaSet's
        add(pod, () => podPhase(pod));
      }
    }
    return observed;
  }

  /**
   * Finished Jobs and Pods keep their logs for a while: they are marked
   * (with the time) and `sweepForgotten` deletes them `keepFinishedMinutes`
   * later. Deployments are deleted at once.
   */
  async forget(ref: WorkloadRef): Promise<void> {
    for (const cluster of this.clusters.values()) {
      for (const { kind, object } of await this.find(cluster, ref)) {
        if (kind === 'deployments') {
          await this.retrying('forget', () =>
            this.deleteObject(cluster, kind, object),
          );
          continue;
        }
        const path = `${PATHS[kind](object.metadata.namespace)}/${
          object.metadata.name
        }`;
        await this.retrying('forget', async () => {
          try {
            const patched = await cluster.client.request('PATCH', path, {
              metadata: {
                labels: { [FORGOTTEN]: 'true' },
                annotations: {
                  [FORGOTTEN_AT]: new Date(this.now()).toISOString(),
                },
              },
            });
            cluster.cache.forgetObject(
              kind,
              object.metadata.namespace,
              object.metadata.name,
            );
            cluster.cache.remember(kind, patched);
          } catch (error) {
            if (!hasStatus(error, 404)) throw error;
          }
        });
      }
    }
  }

  /**
   * Deletes the Jobs and session Pods forgotten more than
   * `keepFinishedMinutes` ago (a Job's pods go with it); returns how many.
   */
  async sweepForgotten(): Promise<number> {
    let deleted = 0;
    for (const cluster of this.clusters.values()) {
      const keepMs = cluster.settings.keepFinishedMinutes * 60_000;
      for (const kind of ['jobs', 'pods'] as const) {
        for (const object of cluster.cache.list(kind)) {
          const { labels, annotations, ownerReferences, creationTimestamp } =
            object.metadata ?? {};
          if (!labels?.[FORGOTTEN] || ownerReferences?.length) continue;
          const since = Date.parse(
            annotations?.[FORGOTTEN_AT] ?? creationTimestamp,
          );
          if (!(this.now() - since >= keepMs)) continue;
          await this.deleteObject(cluster, kind, object);
          deleted++;
        }
      }
    }
    return deleted;
  }

  logs(
    ref: WorkloadRef,
    options: { follow: boolean; signal?: AbortSignal },
  ): AsyncIterable<string> {
    const pod = () => this.podOf(ref);
    const ended = async () => {
      const o = (await this.observe()).find(
        w => w.workloadId === ref.workloadId && w.attempt === ref.attempt,
      );
      return !o || o.phase === 'succeeded' || o.phase === 'failed';
    };
    return new PodLogs(pod, ended).lines(options);
  }

  async endpoint(
    ref: WorkloadRef,
    port: string,
  ): Promise<{ url: string } | undefined> {
    const found = this.podOf(ref);
    if (!found || podPhase(found.pod).phase !== 'running') return undefined;
    const env: any[] =
      found.pod.spec?.containers?.find((c: any) => c.name === 'main')?.env ??
      [];
    const value = env.find(
      e => e.name === `ML_${port.toUpperCase()}_PORT`,
    )?.value;
    if (!value) return undefined;
    // Service DNS: reachable when the backend runs in the cluster.
    return {
      url: `http://${found.pod.metadata.labels['app.kubernetes.io/name']}.${found.pod.metadata.namespace}.svc:${value}`,
    };
  }

  exec(
    ref: WorkloadRef,
    code: string,
    options: { signal?: AbortSignal },
  ): AsyncIterable<string> {
    const found = this.podOf(ref);
    if (!found)
      throw new NotFoundError(
        `No pod for workload ${ref.workloadId} attempt ${ref.attempt}`,
      );
    const exec = this.options.exec;
    if (!exec) throw new InputError('This driver was built without exec');
    return exec(
      found.cluster,
      {
        namespace: found.pod.metadata.namespace,
        name: found.pod.metadata.name,
        container: 'main',
      },
      ['python3', '-c', KERNEL_CLIENT],
      code,
      options.signal,
    );
  }

  /** Deletes a project's namespace (and so everything in it); gone already is fine. */
  async deleteProject(workspace: string, projectId: string): Promise<void> {
    const cluster = this.clusters.get(workspace);
    if (!cluster) return;
    const ns = namespaceFor(cluster.settings.namespacePrefix, projectId);
    await this.retrying(`delete namespace ${ns}`, async () => {
      try {
        await cluster.client.request('DELETE', `/api/v1/namespaces/${ns}`, {
          propagationPolicy: 'Background',
        });
      } catch (error) {
        if (!hasStatus(error, 404)) throw error;
      }
    });
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private cluster(workspace: string): Cluster {
    const cluster = this.clusters.get(workspace);
    if (!cluster)
      throw new InputError(
        `No Kubernetes cluster is configured for workspace ${workspace}`,
      );
    return cluster;
  }

  private podOf(ref: WorkloadRef): { cluster: Cluster; pod: any } | undefined {
    for (const cluster of this.clusters.values()) {
      const pods = cluster.cache
        .list('pods')
        .filter(
          p =>
            refKey(
              refFromLabels(p.metadata?.labels) ?? {
                workloadId: '',
                attempt: 0,
              },
            ) === refKey(ref),
        )
        .filter(p => !p.metadata?.deletionTimestamp);
      if (pods.length) return { cluster, pod: pods[pods.length - 1] };
    }
    return undefined;
  }

  /** The objects of an attempt: from the mirror, else asked by label (a cluster that was away). */
  private async find(
    cluster: Cluster,
    ref: WorkloadRef,
  ): Promise<Array<{ kind: WatchedKind; object: any }>> {
    const matches = (o: any) => {
      const r = refFromLabels(o.metadata?.labels);
      return (
        r && refKey(r) === refKey(ref) && !o.metadata?.ownerReferences?.length
      );
    };
    const found: Array<{ kind: WatchedKind; object: any }> = [];
    for (const kind of ['jobs', 'deployments', 'pods'] as WatchedKind[]) {
      for (const object of cluster.cache.list(kind).filter(matches))
        found.push({ kind, object });
    }
    if (found.length || cluster.cache.availability.available) return found;
    return [];
  }

  private async deleteObject(cluster: Cluster, kind: WatchedKind, object: any) {
    const path = `${PATHS[kind](object.metadata.namespace)}/${
      object.metadata.name
    }`;
    try {
      // Background: the Job's pods and the Service (owner references) go too.
      await cluster.client.request('DELETE', path, {
        propagationPolicy: 'Background',
        gracePeriodSeconds: 5,
      });
    } catch (error) {
      if (!hasStatus(error, 404)) throw error;
    }
    cluster.cache.forgetObject(
      kind,
      object.metadata.namespace,
      object.metadata.name,
    );
  }

  /** POSTs an object; one that exists already (409) is fetched instead and counts as made. */
  private async createIfMissing(
    client: KubeClient,
    collection: string,
    object: any,
  ): Promise<any> {
    try {
      return await client.request('POST', collection, object);
    } catch (error) {
      if (!hasStatus(error, 409)) throw error;
      try {
        return await client.get(`${collection}/${object.metadata.name}`);
      } catch (getError) {
        // Not there after all: the 409 was a conflict, to be retried.
        if (hasStatus(getError, 404)) throw error;
        throw getError;
      }
    }
  }

  private async applyQuota(
    client: KubeClient,
    namespace: string,
    spec: WorkloadSpec,
  ) {
    const desired = quotaManifest(namespace, spec.quota!);
    const path = `/api/v1/namespaces/${namespace}/resourcequotas`;
    const current = await this.createIfMissing(client, path, desired);
    if (sameQuantities(current.spec?.hard ?? {}, desired.spec.hard)) return;
    // A concurrent writer makes this 409; the retry reads again.
    await client.request('PUT', `${path}/${desired.metadata.name}`, {
      ...desired,
      metadata: {
        ...desired.metadata,
        resourceVersion: current.metadata.resourceVersion,
      },
    });
  }

  /**
   * Runs a cluster call, retrying transient failures (5xx, 429, timeouts,
   * refused connections, write conflicts) with capped, jittered backoff;
   * still failing, a start is deferred (the engine queues it again) rather
   * than failed: deterministic names make the next try find what this one
   * made, so nothing starts twice.
   */
  private async retrying<T>(what: string, task: () => Promise<T>): Promise<T> {
    const backoff = this.options.backoff?.() ?? new Backoff(200, 5_000);
    const tries = this.options.startTries ?? 4;
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

/** A new namespace refuses pods until the controller-manager has made its default service account. */
function isMissingServiceAccount(error: unknown): boolean {
  if (!hasStatus(error, 403) || isQuotaExceeded(error)) return false;
  // Likewise a new quota, until the quota controller has computed its status.
  return /service ?account|status unknown for quota/i.test(
    (error as Error).message,
  );
}

/** Marks an attempt the engine is done with (its objects stay for their logs). */
export const FORGOTTEN = 'ml-platform.io/forgotten';
export const FORGOTTEN_AT = 'ml-platform.io/forgotten-at';
