import https from 'node:https';
import { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { KubeClient } from '../client/KubeClient';
import { hasStatus } from '../client/KubeApiError';

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
  capacity?: { cpu: string; memory: string; pods: string; gpu?: string };
  /** How long a finishing pod runs. Default 300 ms. */
  runMs?: number;
  /** Node status and Lease renewal period. Default 10 s (1.20's kubelet default). */
  heartbeatMs?: number;
  /** Certificate and key for the log endpoint the apiserver calls (any: 1.20 does not verify it without --kubelet-certificate-authority). */
  tls: { cert: Buffer | string; key: Buffer | string };
}

const microTime = (ms = Date.now()) =>
  new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
const isoSeconds = (ms = Date.now()) =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

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
    const c = this.options.capacity ?? {
      cpu: '8',
      memory: '32Gi',
      pods: '110',
    };
    const resources: Record<string, string> = {
      cpu: c.cpu,
      memory: c.memory,
      pods: c.pods,
    };
    if (c.gpu) resources['nvidia.com/gpu'] = c.gpu;
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: this.nodeName,
        labels: {
          'kubernetes.io/hostname': this.nodeName,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
        },
      },
      spec: {},
      status: {
        capacity: resources,
        allocatable: resources,
        conditions: this.conditions(),
        // Only an InternalIP: the apiserver reaches the log endpoint there.
        addresses: [{ type: 'InternalIP', address: '127.0.0.1' }],
        daemonEndpoints: { kubeletEndpoint: { Port: kubeletPort } },
        nodeInfo: {
          machineID: 'ml-test',
          systemUUID: 'ml-test',
          bootID: 'ml-test',
          kernelVersion: 'test',
          osImage: 'test kubelet',
          containerRuntimeVersion: 'test://0',
          kubeletVersion: 'v1.20.2',
          kubeProxyVersion: 'v1.20.2',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    };
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

  private conditions() {
    const now = isoSeconds();
    const condition = (type: string, status: string, reason: string) => ({
      type,
      status,
      reason,
      message: `test kubelet: ${reason}`,
      lastHeartbeatTime: now,
      lastTransitionTime: now,
    });
    return [
      condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory'),
      condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure'),
      condition('PIDPressure', 'False', 'KubeletHasSufficientPID'),
      condition('Ready', 'True', 'KubeletReady'),
    ];
  }

  /** The node lifecycle controller reads the Lease (and the status heartbeat) to decide the node is alive. */
  private async renewLease() {
    const path = `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${this.nodeName}`;
    const spec = {
      holderIdentity: this.nodeName,
      leaseDurationSeconds: 40,
      renewTime: microTime(),
    };
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
            status: { conditions: this.conditions() },
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
        const list = await this.client.get('/api/v1/pods', { fieldSelector });
        for (const pod of list.items ?? []) this.handle(pod);
        await this.client.watch(
          '/api/v1/pods',
          {
            fieldSelector,
            resourceVersion: list.metadata.resourceVersion,
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

  private handle(pod: any) {
    const act = async () => {
      if (pod.metadata.deletionTimestamp) return this.finalize(pod);
      const phase = pod.status?.phase;
      if (
        (!phase || phase === 'Pending') &&
        !this.started.has(pod.metadata.uid)
      )
        return this.run(pod);
      return undefined;
    };
    act().catch(() => undefined);
  }

  private forget(pod: any) {
    const timer = this.timers.get(pod.metadata.uid);
    if (timer) clearTimeout(timer);
    this.timers.delete(pod.metadata.uid);
  }

  private statusPath(pod: any) {
    return `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/status`;
  }

  private async run(pod: any) {
    this.started.add(pod.metadata.uid);
    const refusal = rootRefusal(pod);
    if (refusal) return this.refuse(pod, refusal);
    const now = isoSeconds();
    const main =
      pod.spec.containers.find((c: any) => c.name === 'main') ??
      pod.spec.containers[0];
    this.logs.set(`${pod.metadata.namespace}/${pod.metadata.name}`, [
      `test kubelet: started ${[...(main.command ?? []), ...(main.args ?? [])]
        .join(' ')
        .slice(0, 200)}`,
    ]);
    const condition = (type: string) => ({
      type,
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: now,
    });
    const status = {
      phase: 'Running',
      hostIP: '127.0.0.1',
      podIP: '127.0.0.1',
      podIPs: [{ ip: '127.0.0.1' }],
      startTime: now,
      conditions: [
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(condition),
      initContainerStatuses: (pod.spec.initContainers ?? []).map((c: any) => ({
        ...containerBase(c),
        ready: true,
        state: {
          terminated: {
            exitCode: 0,
            reason: 'Completed',
            startedAt: now,
            finishedAt: now,
            containerID: `test://${c.name}`,
          },
        },
      })),
      containerStatuses: pod.spec.containers.map((c: any) => ({
        ...containerBase(c),
        ready: true,
        started: true,
        state: { running: { startedAt: now } },
      })),
    };
    try {
      await this.client.request('PATCH', this.statusPath(pod), { status });
    } catch (error) {
      this.started.delete(pod.metadata.uid); // the next event or relist tries again
      throw error;
    }
    const env: Record<string, string> = Object.fromEntries(
      (main.env ?? []).map((e: any) => [e.name, e.value]),
    );
    const ownedByJob = (pod.metadata.ownerReferences ?? []).some(
      (o: any) => o.kind === 'Job',
    );
    if (!ownedByJob && env[TEST_EXIT_CODE] === undefined) return;
    const exitCode = Number(env[TEST_EXIT_CODE] ?? 0);
    const timer = setTimeout(() => {
      this.timers.delete(pod.metadata.uid);
      this.finish(pod, exitCode, env[TEST_EXIT_REASON]).catch(() => undefined);
    }, this.options.runMs ?? 300);
    this.timers.set(pod.metadata.uid, timer);
  }

  /** Leaves the pod Pending with the container waiting, as the kubelet would. */
  private async refuse(
    pod: any,
    refusal: { container: string; message: string },
  ) {
    const waiting = (c: any) => ({
      ...containerBase(c),
      ready: false,
      state:
        c.name === refusal.container
          ? {
              waiting: {
                reason: 'CreateContainerConfigError',
                message: refusal.message,
              },
            }
          : { waiting: { reason: 'PodInitializing' } },
    });
    await this.client.request('PATCH', this.statusPath(pod), {
      status: {
        phase: 'Pending',
        initContainerStatuses: (pod.spec.initContainers ?? []).map(waiting),
        containerStatuses: pod.spec.containers.map(waiting),
      },
    });
  }

  private async finish(pod: any, exitCode: number, reason: string | undefined) {
    const now = isoSeconds();
    const terminatedReason = reason ?? (exitCode === 0 ? 'Completed' : 'Error');
    this.logs
      .get(`${pod.metadata.namespace}/${pod.metadata.name}`)
      ?.push(
        `test kubelet: exited with code ${exitCode}${
          reason ? ` (${reason})` : ''
        }`,
      );
    const condition = (type: string, status: string) => ({
      type,
      status,
      lastProbeTime: null,
      lastTransitionTime: now,
      ...(status === 'False' ? { reason: 'PodCompleted' } : {}),
    });
    await this.client.request('PATCH', this.statusPath(pod), {
      status: {
        phase: exitCode === 0 ? 'Succeeded' : 'Failed',
        conditions: [
          condition('Initialized', 'True'),
          condition('Ready', 'False'),
          condition('ContainersReady', 'False'),
          condition('PodScheduled', 'True'),
        ],
        containerStatuses: pod.spec.containers.map((c: any) => ({
          ...containerBase(c),
          ready: false,
          started: false,
          state: {
            terminated: {
              exitCode,
              reason: terminatedReason,
              startedAt: now,
              finishedAt: now,
              containerID: `test://${c.name}`,
            },
          },
        })),
      },
    });
  }

  /** What a kubelet does once a deleted pod's containers are gone. */
  private async finalize(pod: any) {
    this.forget(pod);
    this.logs.delete(`${pod.metadata.namespace}/${pod.metadata.name}`);
    try {
      await this.client.request(
        'DELETE',
        `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}`,
        {
          apiVersion: 'v1',
          kind: 'DeleteOptions',
          gracePeriodSeconds: 0,
          preconditions: { uid: pod.metadata.uid },
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

/**
 * What a real kubelet says when a container must not run as root but
 * would: its image's user is unknown here, and runtime images run as root,
 * so runAsNonRoot needs a numeric runAsUser other than 0.
 */
function rootRefusal(
  pod: any,
): { container: string; message: string } | undefined {
  const podContext = pod.spec.securityContext ?? {};
  for (const c of [
    ...(pod.spec.initContainers ?? []),
    ...pod.spec.containers,
  ]) {
    const own = c.securityContext ?? {};
    const nonRoot = own.runAsNonRoot ?? podContext.runAsNonRoot;
    const user = own.runAsUser ?? podContext.runAsUser;
    if (nonRoot && (user === undefined || user === 0)) {
      return {
        container: c.name,
        message: `container has runAsNonRoot and image will run as root (pod: "${pod.metadata.name}_${pod.metadata.namespace}", container: ${c.name})`,
      };
    }
  }
  return undefined;
}

function containerBase(c: any) {
  return {
    name: c.name,
    image: c.image,
    imageID: `test://${c.image}`,
    containerID: `test://${c.name}`,
    restartCount: 0,
  };
}
