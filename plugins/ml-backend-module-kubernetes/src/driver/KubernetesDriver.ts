import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import type { V1Pod } from '@kubernetes/client-node';
import {
  ComputeDriver,
  DriverAvailability,
  ObservedWorkload,
  WorkloadRef,
  WorkloadSpec,
} from '@ml-platform/plugin-ml-node';
import { Backoff } from '../client/backoff';
import { Json } from '../client/json';
import { hasStatus } from '../client/KubeApiError';
import { workloadManifests } from '../manifests/manifests';
import {
  FORGOTTEN,
  FORGOTTEN_AT,
  namespaceFor,
  refFromLabels,
  refKey,
} from '../manifests/names';
import { Cluster, COLLECTIONS, PodExec } from './Cluster';
import { WatchedKind, WatchedObject, WatchedObjects } from './ClusterCache';
import { createWorkload } from './createWorkload';
import { KERNEL_CLIENT } from './kernelClient';
import { observeCluster } from './observeCluster';
import { podPhase } from './phases';
import { PodLogs } from './PodLogs';
import { deleteObject, retrying } from './writes';

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
    const m = workloadManifests(cluster.settings, spec);
    await this.retrying(`start ${m.name}`, () =>
      createWorkload(cluster, spec, m),
    );
    this.options.logger.info(
      `Started ${spec.kind} ${spec.workloadId} attempt ${spec.attempt} as ${m.workload.kind} ${m.namespace}/${m.name}`,
    );
  }

  async stop(ref: WorkloadRef): Promise<void> {
    for (const cluster of this.clusters.values()) {
      for (const { kind, object } of await this.find(cluster, ref)) {
        await this.retrying(`stop ${object.metadata?.name}`, () =>
          deleteObject(cluster, kind, object),
        );
      }
    }
  }

  async observe(): Promise<ObservedWorkload[]> {
    return [...this.clusters.values()].flatMap(c => observeCluster(c.cache));
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
            deleteObject(cluster, kind, object),
          );
          continue;
        }
        const namespace = object.metadata?.namespace ?? '';
        const name = object.metadata?.name ?? '';
        const path = `${COLLECTIONS[kind](namespace)}/${name}`;
        await this.retrying('forget', async () => {
          try {
            const patched = await cluster.client.request<
              WatchedObjects[typeof kind]
            >('PATCH', path, {
              metadata: {
                labels: { [FORGOTTEN]: 'true' },
                annotations: {
                  [FORGOTTEN_AT]: new Date(this.now()).toISOString(),
                },
              },
            });
            cluster.cache.forgetObject(kind, namespace, name);
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
            annotations?.[FORGOTTEN_AT] ?? creationTimestamp ?? '',
          );
          if (!(this.now() - since >= keepMs)) continue;
          await deleteObject(cluster, kind, object);
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
    const env =
      found.pod.spec?.containers?.find(c => c.name === 'main')?.env ?? [];
    const value = env.find(
      e => e.name === `ML_${port.toUpperCase()}_PORT`,
    )?.value;
    if (!value) return undefined;
    // Service DNS: reachable when the backend runs in the cluster.
    return {
      url: `http://${found.pod.metadata?.labels?.['app.kubernetes.io/name']}.${found.pod.metadata?.namespace}.svc:${value}`,
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
        namespace: found.pod.metadata?.namespace ?? '',
        name: found.pod.metadata?.name ?? '',
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

  private retrying<T>(what: string, task: () => Promise<T>): Promise<T> {
    return retrying(what, task, {
      backoff: this.options.backoff,
      tries: this.options.startTries,
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

  private podOf(
    ref: WorkloadRef,
  ): { cluster: Cluster; pod: Json<V1Pod> } | undefined {
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
  ): Promise<Array<{ kind: WatchedKind; object: WatchedObject }>> {
    const matches = (o: WatchedObject) => {
      const r = refFromLabels(o.metadata?.labels);
      return (
        r && refKey(r) === refKey(ref) && !o.metadata?.ownerReferences?.length
      );
    };
    const found: Array<{ kind: WatchedKind; object: WatchedObject }> = [];
    for (const kind of ['jobs', 'deployments', 'pods'] as WatchedKind[]) {
      for (const object of cluster.cache.list(kind).filter(matches))
        found.push({ kind, object });
    }
    if (found.length || cluster.cache.availability.available) return found;
    return [];
  }
}
