import type { V1Pod } from '@kubernetes/client-node';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Json, JsonList } from '../client/json';
import { KubeClient } from '../client/KubeClient';
import { hasStatus } from '../client/KubeApiError';
import {
  leaseSpec,
  NodeCapacity,
  nodeConditions,
  nodeManifest,
} from './testKubelet/node';
import {
  finishedStatus,
  Refusal,
  refusedStatus,
  rootRefusal,
  runningStatus,
} from './testKubelet/podStatuses';

/**
 * Environment variables of a pod's `main` container that tell the test
 * kubelet how its "process" ends (tests set them through the ML API's job
 * env). Pods of a Job, and pods with ML_TEST_EXIT_CODE, end after
 * `runMs`; other pods (sessions, Deployment replicas) run until deleted.
 */
export const TEST_EXIT_CODE = 'ML_TEST_EXIT_CODE';
/** The container's terminated reason instead of Completed/Error (e.g. OOMKilled). */
export const TEST_EXIT_REASON = 'ML_TEST_EXIT_REASON';

export interface TestKubeletOptions {
  /** A client with rights on nodes, leases and pods (the admin token of scripts/kube). */
  client: KubeClient;
  nodeName?: string;
  /** Node capacity; default 8 CPU, 32Gi, 110 pods, no GPU. */
  capacity?: NodeCapacity;
  /** How long a finishing pod runs. Default 300 ms. */
  runMs?: number;
  /** Node status and Lease renewal period. Default 10 s (1.20's kubelet default). */
  heartbeatMs?: number;
  /** Certificate and key for the log endpoint the apiserver calls (any: 1.20 does not verify it without --kubelet-certificate-authority). */
  tls: { cert: Buffer | string; key: Buffer | string };
}

/**
 * A stand-in for a kubelet, for tests against a real control plane without
 * containers: registers a Ready Node and keeps its Lease and status
 * heartbeat fresh (else the node lifecycle controller marks it NotReady
 * after 40 s and taints it), takes the pods the scheduler binds to it to
 * Running (init container Completed, main running, Ready=True), ends Job
 * pods as Succeeded or Failed, refuses (CreateContainerConfigError) pods
 * that ask for a non-root user without naming one, answers the pod log API (the apiserver
 * proxies `pods/log` to the node's kubelet endpoint) and removes deleted
 * pods (gracePeriodSeconds 0), which a real kubelet does once the
 * containers are gone.
 */
export class TestKubelet {
  readonly nodeName: string;
  private readonly abort = new AbortController();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly logs = new Map<string, string[]>();
  private loops: Promise<void>[] = [];
  private server?: https.Server;
  /** Pods it took to Running, by uid (tests count starts). */
  readonly started = new Set<string>();

  constructor(private readonly options: TestKubeletOptions) {
    this.nodeName = options.nodeName ?? 'ml-test-node';
  }

  async start(): Promise<void> {
    const port = await this.serveLogs();
    await this.register(port);
    this.loops = [this.heartbeat(), this.watchPods()];
  }

  /** Stops watching and heartbeating, removes the Node, closes the log endpoint. */
  async stop(): Promise<void> {
    this.abort.abort();
    for (const timer of this.timers.values()) clearTimeout(timer);
    await Promise.all(this.loops);
    await this.options.client
      .request('DELETE', `/api/v1/nodes/${this.nodeName}`)
      .catch(() => undefined);
    await new Promise<void>(resolve =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private get client() {
    return this.options.client;
  }

  private async register(kubeletPort: number) {
    const node = nodeManifest(
      this.nodeName,
      this.options.capacity ?? { cpu: '8', memory: '32Gi', pods: '110' },
      kubeletPort,
    );
    try {
      await this.client.request('POST', '/api/v1/nodes', node);
    } catch (error) {
      if (!hasStatus(error, 409)) throw error;
      await this.client.request(
        'PATCH',
        `/api/v1/nodes/${this.nodeName}/status`,
        { status: node.status },
      );
    }
    await this.renewLease();
  }

  /** The node lifecycle controller reads the Lease (and the status heartbeat) to decide the node is alive. */
  private async renewLease() {
    const path = `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${this.nodeName}`;
    const spec = leaseSpec(this.nodeName);
    try {
      await this.client.request('PATCH', path, { spec });
    } catch (error) {
      if (!hasStatus(error, 404)) throw error;
      await this.client.request(
        'POST',
        '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases',
        {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: this.nodeName, namespace: 'kube-node-lease' },
          spec,
        },
      );
    }
  }

  private async heartbeat() {
    const { signal } = this.abort;
    while (!signal.aborted) {
      await sleep(this.options.heartbeatMs ?? 10_000, undefined, {
        signal,
      }).catch(() => undefined);
      if (signal.aborted) return;
      try {
        await this.renewLease();
        await this.client.request(
          'PATCH',
          `/api/v1/nodes/${this.nodeName}/status`,
          {
            status: { conditions: nodeConditions() },
          },
        );
      } catch {
        // The next beat tries again; the control plane may be stopping.
      }
    }
  }

  /** List, then watch from its resourceVersion, again and again (410 or an ended watch relists). */
  private async watchPods() {
    const { signal } = this.abort;
    const fieldSelector = `spec.nodeName=${this.nodeName}`;
    while (!signal.aborted) {
      try {
        const list = await this.client.get<JsonList<Json<V1Pod>>>(
          '/api/v1/pods',
          { fieldSelector },
        );
        for (const pod of list.items ?? []) this.handle(pod);
        await this.client.watch<Json<V1Pod>>(
          '/api/v1/pods',
          {
            fieldSelector,
            resourceVersion: list.metadata?.resourceVersion,
            timeoutSeconds: 30,
          },
          event => {
            if (event.type === 'DELETED') this.forget(event.object);
            else if (event.type !== 'BOOKMARK') this.handle(event.object);
          },
          signal,
        );
      } catch {
        if (!signal.aborted)
          await sleep(200, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  private handle(pod: Json<V1Pod>) {
    const act = async () => {
      if (pod.metadata?.deletionTimestamp) return this.finalize(pod);
      const phase = pod.status?.phase;
      if ((!phase || phase === 'Pending') && !this.started.has(uidOf(pod)))
        return this.run(pod);
      return undefined;
    };
    act().catch(() => undefined);
  }

  private forget(pod: Json<V1Pod>) {
    const timer = this.timers.get(uidOf(pod));
    if (timer) clearTimeout(timer);
    this.timers.delete(uidOf(pod));
  }

  private statusPath(pod: Json<V1Pod>) {
    return `/api/v1/namespaces/${pod.metadata?.namespace}/pods/${pod.metadata?.name}/status`;
  }

  private async run(pod: Json<V1Pod>): Promise<void> {
    this.started.add(uidOf(pod));
    const refusal = rootRefusal(pod);
    if (refusal) {
      await this.refuse(pod, refusal);
      return;
    }
    const containers = pod.spec?.containers ?? [];
    const main = containers.find(c => c.name === 'main') ?? containers[0];
    this.logs.set(logKey(pod), [
      `test kubelet: started ${[...(main?.command ?? []), ...(main?.args ?? [])]
        .join(' ')
        .slice(0, 200)}`,
    ]);
    try {
      await this.client.request('PATCH', this.statusPath(pod), {
        status: runningStatus(pod),
      });
    } catch (error) {
      this.started.delete(uidOf(pod)); // the next event or relist tries again
      throw error;
    }
    const env: Record<string, string | undefined> = Object.fromEntries(
      (main?.env ?? []).map(e => [e.name, e.value]),
    );
    const ownedByJob = (pod.metadata?.ownerReferences ?? []).some(
      o => o.kind === 'Job',
    );
    if (!ownedByJob && env[TEST_EXIT_CODE] === undefined) return;
    const exitCode = Number(env[TEST_EXIT_CODE] ?? 0);
    const timer = setTimeout(() => {
      this.timers.delete(uidOf(pod));
      this.finish(pod, exitCode, env[TEST_EXIT_REASON]).catch(() => undefined);
    }, this.options.runMs ?? 300);
    this.timers.set(uidOf(pod), timer);
  }

  /** Leaves the pod Pending with the container waiting, as the kubelet would. */
  private async refuse(pod: Json<V1Pod>, refusal: Refusal) {
    await this.client.request('PATCH', this.statusPath(pod), {
      status: refusedStatus(pod, refusal),
    });
  }

  private async finish(
    pod: Json<V1Pod>,
    exitCode: number,
    reason: string | undefined,
  ) {
    this.logs
      .get(logKey(pod))
      ?.push(
        `test kubelet: exited with code ${exitCode}${
          reason ? ` (${reason})` : ''
        }`,
      );
    await this.client.request('PATCH', this.statusPath(pod), {
      status: finishedStatus(pod, exitCode, reason),
    });
  }

  /** What a kubelet does once a deleted pod's containers are gone. */
  private async finalize(pod: Json<V1Pod>) {
    this.forget(pod);
    this.logs.delete(logKey(pod));
    try {
      await this.client.request(
        'DELETE',
        `/api/v1/namespaces/${pod.metadata?.namespace}/pods/${pod.metadata?.name}`,
        {
          apiVersion: 'v1',
          kind: 'DeleteOptions',
          gracePeriodSeconds: 0,
          preconditions: { uid: pod.metadata?.uid },
        },
      );
    } catch (error) {
      if (!hasStatus(error, 404) && !hasStatus(error, 409)) throw error;
    }
  }

  /** `GET /containerLogs/<namespace>/<pod>/<container>`, as the apiserver asks a kubelet for `pods/log`. */
  private async serveLogs(): Promise<number> {
    this.server = https.createServer(
      { cert: this.options.tls.cert, key: this.options.tls.key },
      (req, res) => {
        const match = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/?]+)/.exec(
          req.url ?? '',
        );
        const lines = match
          ? this.logs.get(`${match[1]}/${match[2]}`)
          : undefined;
        if (!lines) {
          res
            .writeHead(404, { 'Content-Type': 'text/plain' })
            .end('no such container');
          return;
        }
        res
          .writeHead(200, { 'Content-Type': 'text/plain' })
          .end(lines.map(l => `${l}\n`).join(''));
      },
    );
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    return (this.server.address() as AddressInfo).port;
  }
}

function uidOf(pod: Json<V1Pod>): string {
  return pod.metadata?.uid ?? '';
}

function logKey(pod: Json<V1Pod>): string {
  return `${pod.metadata?.namespace}/${pod.metadata?.name}`;
}
