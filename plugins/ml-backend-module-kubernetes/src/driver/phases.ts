import type {
  V1ContainerStateTerminated,
  V1Deployment,
  V1Job,
  V1Pod,
  V1PodStatus,
} from '@kubernetes/client-node';
import { ObservedPhase } from '@ml-platform/plugin-ml-node';
import { Json } from '../client/json';

export interface PhaseReport {
  phase: ObservedPhase;
  reason?: string;
  exitCode?: number;
}

export const NO_ROOM = 'the cluster has no room';
/** Waiting reasons that do not go away by waiting. */
const STUCK = new Set([
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'CreateContainerConfigError',
]);

function describeTerminated(
  t: Json<V1ContainerStateTerminated>,
  container: string,
): PhaseReport {
  const exitCode = typeof t.exitCode === 'number' ? t.exitCode : undefined;
  if (t.reason === 'OOMKilled') {
    return {
      phase: 'failed',
      exitCode,
      reason: 'OOMKilled: the workload ran out of memory',
    };
  }
  const what =
    container === 'fetch-files' ? 'fetching the project files' : 'the workload';
  const detail = t.message
    ? `: ${String(t.message).trim().split('\n').pop()}`
    : '';
  return {
    phase: 'failed',
    exitCode,
    reason: `${what} exited with code ${exitCode ?? '?'}${detail}`,
  };
}

/** What a pod says about the attempt it runs. */
export function podPhase(pod: Json<V1Pod> | undefined): PhaseReport {
  const status: Json<V1PodStatus> = pod?.status ?? {};
  const statuses = [
    ...(status.initContainerStatuses ?? []),
    ...(status.containerStatuses ?? []),
  ];
  for (const c of statuses) {
    const waiting = c.state?.waiting;
    if (waiting && STUCK.has(waiting.reason ?? '')) {
      return {
        phase: 'failed',
        reason: `${waiting.reason}${
          waiting.message ? `: ${waiting.message}` : ''
        }`,
      };
    }
  }
  switch (status.phase) {
    case 'Succeeded':
      return { phase: 'succeeded', exitCode: 0 };
    case 'Failed': {
      if (status.reason === 'DeadlineExceeded')
        return {
          phase: 'failed',
          reason: 'DeadlineExceeded: ran past its deadline',
        };
      for (const c of statuses) {
        const t = c.state?.terminated;
        if (t && t.exitCode !== 0) return describeTerminated(t, c.name);
      }
      return {
        phase: 'failed',
        reason: status.reason ?? status.message ?? 'the pod failed',
      };
    }
    case 'Running': {
      const main = (status.containerStatuses ?? []).find(
        c => c.name === 'main',
      );
      const t = main?.state?.terminated;
      if (t)
        return t.exitCode === 0
          ? { phase: 'succeeded', exitCode: 0 }
          : describeTerminated(t, 'main');
      return { phase: 'running' };
    }
    default: {
      const unschedulable = (status.conditions ?? []).find(
        c =>
          c.type === 'PodScheduled' &&
          c.status === 'False' &&
          c.reason === 'Unschedulable',
      );
      if (unschedulable) {
        return {
          phase: 'pending',
          reason: `${NO_ROOM}${
            unschedulable.message ? ` (${unschedulable.message})` : ''
          }`,
        };
      }
      const waiting = statuses.find(c => c.state?.waiting?.reason)?.state
        ?.waiting;
      return { phase: 'pending', reason: waiting?.reason };
    }
  }
}

/** A batch/v1 Job, with its pods for the details (exit code, OOMKilled). */
export function jobPhase(
  job: Json<V1Job> | undefined,
  pods: Json<V1Pod>[],
): PhaseReport {
  const conditions = job?.status?.conditions ?? [];
  const failedPod = pods.map(podPhase).find(p => p.phase === 'failed');
  const failed = conditions.find(
    c => c.type === 'Failed' && c.status === 'True',
  );
  if (failed) {
    if (failed.reason === 'DeadlineExceeded')
      return {
        phase: 'failed',
        reason: 'DeadlineExceeded: ran past its deadline',
      };
    return (
      failedPod ?? {
        phase: 'failed',
        reason: failed.message ?? failed.reason ?? 'the job failed',
      }
    );
  }
  if (conditions.some(c => c.type === 'Complete' && c.status === 'True'))
    return { phase: 'succeeded', exitCode: 0 };
  if (failedPod) return failedPod;
  const reports = pods
    .filter(p => !p.metadata?.deletionTimestamp)
    .map(podPhase);
  if (reports.some(r => r.phase === 'running')) return { phase: 'running' };
  if ((job?.status?.succeeded ?? 0) > 0)
    return { phase: 'succeeded', exitCode: 0 };
  return reports.find(r => r.reason) ?? { phase: 'pending' };
}

/**
 * A one-replica Deployment (model replica, application): running once its
 * pod is ready. A crashing pod is brought back by Kubernetes, so only
 * what waiting cannot fix (no image) fails the attempt.
 */
export function deploymentPhase(
  deployment: Json<V1Deployment> | undefined,
  pods: Json<V1Pod>[],
): PhaseReport {
  const reports = pods
    .filter(p => !p.metadata?.deletionTimestamp)
    .map(podPhase);
  if ((deployment?.status?.readyReplicas ?? 0) >= 1)
    return { phase: 'running' };
  const stuck = reports.find(
    r => r.phase === 'failed' && r.exitCode === undefined,
  );
  if (stuck) return stuck;
  const crashed = reports.find(r => r.phase === 'failed');
  if (crashed)
    return { phase: 'pending', reason: `restarting: ${crashed.reason}` };
  const waiting = (pods[0]?.status?.containerStatuses ?? []).find(
    c => c.state?.waiting?.reason === 'CrashLoopBackOff',
  );
  if (waiting) return { phase: 'pending', reason: 'CrashLoopBackOff' };
  return reports.find(r => r.reason) ?? { phase: 'pending' };
}
