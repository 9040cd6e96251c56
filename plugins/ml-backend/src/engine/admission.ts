import { NodeGroup, ResourceLimits } from '@ml-platform/plugin-ml-common';
import { describeResources } from './capacity';

/** A workload waiting for admission, in queue order (priority, then age). */
export interface QueuedWorkload {
  id: string;
  subject: string;
  request: ResourceLimits;
  /** When it started waiting, in ms since the epoch. */
  queuedAtMs: number;
}

/** A node of the workspace as admission sees it. */
export interface NodeSlot {
  id: string;
  group: string;
  capacity: ResourceLimits;
  allocated: ResourceLimits;
  /** Undefined once ready; else when the (simulated) scale-up completes. */
  readyAtMs?: number;
}

export interface AdmissionInput {
  nowMs: number;
  queued: QueuedWorkload[];
  /** What starting and running work of each subject holds now. */
  usageBySubject: Map<string, ResourceLimits>;
  /** The quota of a subject; undefined means not limited by quota. */
  limitFor: (subject: string) => ResourceLimits | undefined;
  nodes: NodeSlot[];
  groups: NodeGroup[];
  /**
   * After waiting this long, a workload stops smaller work behind it from
   * taking the resources it waits for, so it cannot starve.
   */
  starvationMs: number;
}

export type AdmissionDecision =
  | { kind: 'admit'; workloadId: string; nodeId: string }
  | { kind: 'wait'; workloadId: string; reason: string; position: number };

export interface AdmissionResult {
  decisions: AdmissionDecision[];
  /** New nodes to create, already counted on by the waiting work. */
  newNodes: Array<{ group: string; readyAtMs: number }>;
}

const ZERO: ResourceLimits = { cpu: 0, memoryMiB: 0, gpu: 0 };
const EPSILON = 1e-9;

function add(a: ResourceLimits, b: ResourceLimits): ResourceLimits {
  return {
    cpu: a.cpu + b.cpu,
    memoryMiB: a.memoryMiB + b.memoryMiB,
    gpu: a.gpu + b.gpu,
  };
}

function fits(
  request: ResourceLimits,
  used: ResourceLimits,
  limit: ResourceLimits,
) {
  return (
    used.cpu + request.cpu <= limit.cpu + EPSILON &&
    used.memoryMiB + request.memoryMiB <= limit.memoryMiB &&
    used.gpu + request.gpu <= limit.gpu
  );
}

function free(node: NodeSlot): ResourceLimits {
  return {
    cpu: node.capacity.cpu - node.allocated.cpu,
    memoryMiB: node.capacity.memoryMiB - node.allocated.memoryMiB,
    gpu: node.capacity.gpu - node.allocated.gpu,
  };
}

/** "team ml-research", "user jane": how people name a subject. */
export function describeSubject(subject: string): string {
  const [kind, rest] = subject.split(':', 2);
  const name = rest?.split('/').pop() ?? subject;
  return `${kind === 'group' ? 'team' : 'user'} ${name}`;
}

function explainQuota(
  subject: string,
  used: ResourceLimits,
  limit: ResourceLimits,
  req: ResourceLimits,
) {
  const who = describeSubject(subject);
  if (used.cpu + req.cpu > limit.cpu + EPSILON) {
    return `${who} uses ${used.cpu} of ${limit.cpu} vCPU; this needs ${req.cpu}`;
  }
  if (used.memoryMiB + req.memoryMiB > limit.memoryMiB) {
    return `${who} uses ${used.memoryMiB} of ${limit.memoryMiB} MiB memory; this needs ${req.memoryMiB}`;
  }
  return `${who} uses ${used.gpu} of ${limit.gpu} GPU; this needs ${req.gpu}`;
}

/**
 * One admission pass over a workspace's queue. Pure: the caller loads the
 * state and applies the decisions in the same transaction.
 *
 * Work that cannot start does not block smaller work behind it, except that
 * work waiting longer than `starvationMs` reserves what it waits for: later
 * work may not take from the same subject's quota or from the workspace's
 * capacity until it has started.
 */
export function admit(input: AdmissionInput): AdmissionResult {
  const nodes = input.nodes.map(n => ({ ...n, allocated: { ...n.allocated } }));
  const usage = new Map(input.usageBySubject);
  const groupCounts = new Map<string, number>();
  for (const node of nodes) {
    groupCounts.set(node.group, (groupCounts.get(node.group) ?? 0) + 1);
  }
  const decisions: AdmissionDecision[] = [];
  const newNodes: AdmissionResult['newNodes'] = [];
  const starvedSubjects = new Set<string>();
  let capacityBarrier = false;
  let position = 0;

  const wait = (w: QueuedWorkload, reason: string, starved: boolean) => {
    position += 1;
    decisions.push({ kind: 'wait', workloadId: w.id, reason, position });
    return starved;
  };

  for (const w of input.queued) {
    const starved = input.nowMs - w.queuedAtMs >= input.starvationMs;
    const used = usage.get(w.subject) ?? ZERO;
    const limit = input.limitFor(w.subject);

    if (starvedSubjects.has(w.subject)) {
      wait(
        w,
        `waiting behind older work of ${describeSubject(
          w.subject,
        )} that has waited too long`,
        false,
      );
      continue;
    }
    if (limit && !fits(w.request, used, limit)) {
      if (wait(w, explainQuota(w.subject, used, limit, w.request), starved)) {
        starvedSubjects.add(w.subject);
      }
      continue;
    }
    if (capacityBarrier) {
      wait(
        w,
        'waiting behind older work that has waited too long for capacity',
        false,
      );
      continue;
    }

    // Best fit among ready nodes: the least room left over.
    let best: NodeSlot | undefined;
    for (const node of nodes) {
      if (
        node.readyAtMs !== undefined ||
        !fits(w.request, node.allocated, node.capacity)
      )
        continue;
      if (!best || free(node).cpu < free(best).cpu) best = node;
    }
    if (best) {
      best.allocated = add(best.allocated, w.request);
      usage.set(w.subject, add(used, w.request));
      decisions.push({ kind: 'admit', workloadId: w.id, nodeId: best.id });
      continue;
    }

    // A node that is still starting may already have room planned for it.
    const pending = nodes.find(
      n =>
        n.readyAtMs !== undefined && fits(w.request, n.allocated, n.capacity),
    );
    if (pending) {
      pending.allocated = add(pending.allocated, w.request);
      const seconds = Math.max(
        0,
        Math.ceil((pending.readyAtMs! - input.nowMs) / 1000),
      );
      if (
        wait(
          w,
          `waiting for a new ${pending.group} node to start (ready in ~${seconds} s)`,
          starved,
        )
      ) {
        capacityBarrier = true;
      }
      continue;
    }

    const group = input.groups
      .filter(
        g =>
          (groupCounts.get(g.name) ?? 0) < g.maxNodes &&
          fits(w.request, ZERO, g),
      )
      .sort((a, b) => a.cpu - b.cpu || a.memoryMiB - b.memoryMiB)[0];
    if (group) {
      const readyAtMs = input.nowMs + group.scaleUpDelaySeconds * 1000;
      const node: NodeSlot = {
        id: `new-${newNodes.length}`,
        group: group.name,
        capacity: {
          cpu: group.cpu,
          memoryMiB: group.memoryMiB,
          gpu: group.gpu,
        },
        allocated: { ...w.request },
        readyAtMs,
      };
      nodes.push(node);
      newNodes.push({ group: group.name, readyAtMs });
      groupCounts.set(group.name, (groupCounts.get(group.name) ?? 0) + 1);
      if (
        wait(
          w,
          `scaling up node group ${group.name}: a new node is ready in ~${group.scaleUpDelaySeconds} s`,
          starved,
        )
      ) {
        capacityBarrier = true;
      }
      continue;
    }

    const roomiest = nodes
      .filter(n => n.readyAtMs === undefined)
      .map(free)
      .sort((a, b) => b.cpu - a.cpu)[0];
    const reason = `the workspace is at its maximum size; this needs ${describeResources(
      w.request,
    )}${
      roomiest
        ? `, the most free on one node is ${describeResources(roomiest)}`
        : ''
    }`;
    if (wait(w, reason, starved)) capacityBarrier = true;
  }
  return { decisions, newNodes };
}
