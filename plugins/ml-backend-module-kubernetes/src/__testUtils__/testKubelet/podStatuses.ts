import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { Json } from '../../client/json';

/** A kubelet's timestamps: RFC 3339 to the second. */
export const isoSeconds = (ms = Date.now()) =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A Lease's timestamps: RFC 3339 to the microsecond. */
export const microTime = (ms = Date.now()) =>
  new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

/** A container that cannot start, and why. */
export interface Refusal {
  container: string;
  message: string;
}

/** What every status of a container says about it. */
function containerBase(c: Json<V1Container>) {
  return {
    name: c.name,
    image: c.image,
    imageID: `test://${c.image}`,
    containerID: `test://${c.name}`,
    restartCount: 0,
  };
}

/**
 * What a real kubelet says when a container must not run as root but
 * would: its image's user is unknown here, and runtime images run as root,
 * so runAsNonRoot needs a numeric runAsUser other than 0.
 */
export function rootRefusal(pod: Json<V1Pod>): Refusal | undefined {
  const podContext = pod.spec?.securityContext ?? {};
  for (const c of [
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.containers ?? []),
  ]) {
    const own = c.securityContext ?? {};
    const nonRoot = own.runAsNonRoot ?? podContext.runAsNonRoot;
    const user = own.runAsUser ?? podContext.runAsUser;
    if (nonRoot && (user === undefined || user === 0)) {
      return {
        container: c.name,
        message: `container has runAsNonRoot and image will run as root (pod: "${pod.metadata?.name}_${pod.metadata?.namespace}", container: ${c.name})`,
      };
    }
  }
  return undefined;
}

/** Running: init containers Completed, every container running and Ready. */
export function runningStatus(pod: Json<V1Pod>) {
  const now = isoSeconds();
  const condition = (type: string) => ({
    type,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: now,
  });
  return {
    phase: 'Running',
    hostIP: '127.0.0.1',
    podIP: '127.0.0.1',
    podIPs: [{ ip: '127.0.0.1' }],
    startTime: now,
    conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(
      condition,
    ),
    initContainerStatuses: (pod.spec?.initContainers ?? []).map(c => ({
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
    containerStatuses: (pod.spec?.containers ?? []).map(c => ({
      ...containerBase(c),
      ready: true,
      started: true,
      state: { running: { startedAt: now } },
    })),
  };
}

/** Pending with the refused container waiting, as the kubelet leaves it. */
export function refusedStatus(pod: Json<V1Pod>, refusal: Refusal) {
  const waiting = (c: Json<V1Container>) => ({
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
  return {
    phase: 'Pending',
    initContainerStatuses: (pod.spec?.initContainers ?? []).map(waiting),
    containerStatuses: (pod.spec?.containers ?? []).map(waiting),
  };
}

/** Succeeded or Failed, every container terminated with `exitCode`. */
export function finishedStatus(
  pod: Json<V1Pod>,
  exitCode: number,
  reason: string | undefined,
) {
  const now = isoSeconds();
  const terminatedReason = reason ?? (exitCode === 0 ? 'Completed' : 'Error');
  const condition = (type: string, status: string) => ({
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: now,
    ...(status === 'False' ? { reason: 'PodCompleted' } : {}),
  });
  return {
    phase: exitCode === 0 ? 'Succeeded' : 'Failed',
    conditions: [
      condition('Initialized', 'True'),
      condition('Ready', 'False'),
      condition('ContainersReady', 'False'),
      condition('PodScheduled', 'True'),
    ],
    containerStatuses: (pod.spec?.containers ?? []).map(c => ({
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
  };
}
