import {
  NodeGroup,
  ResourceLimits,
  formatCpu,
  formatMemory,
} from '@ml-platform/plugin-ml-common';

function sumNodes(
  groups: NodeGroup[],
  count: (g: NodeGroup) => number,
): ResourceLimits {
  return groups.reduce(
    (total, g) => ({
      cpu: total.cpu + g.cpu * count(g),
      memoryMiB: total.memoryMiB + g.memoryMiB * count(g),
      gpu: total.gpu + g.gpu * count(g),
    }),
    { cpu: 0, memoryMiB: 0, gpu: 0 },
  );
}

/** What the nodes that always exist provide. */
export function minimumCapacity(groups: NodeGroup[]): ResourceLimits {
  return sumNodes(groups, g => g.minNodes);
}

/** What the workspace provides when every group is scaled to its maximum. */
export function maximumCapacity(groups: NodeGroup[]): ResourceLimits {
  return sumNodes(groups, g => g.maxNodes);
}

/** The largest node on every dimension (not necessarily one real node). */
export function largestNode(groups: NodeGroup[]): ResourceLimits {
  return groups.reduce(
    (largest, g) => ({
      cpu: Math.max(largest.cpu, g.cpu),
      memoryMiB: Math.max(largest.memoryMiB, g.memoryMiB),
      gpu: Math.max(largest.gpu, g.gpu),
    }),
    { cpu: 0, memoryMiB: 0, gpu: 0 },
  );
}

/** True when some node group has nodes big enough for `request`. */
export function fitsSomeNode(
  request: ResourceLimits,
  groups: NodeGroup[],
): boolean {
  return groups.some(
    g =>
      g.maxNodes > 0 &&
      request.cpu <= g.cpu &&
      request.memoryMiB <= g.memoryMiB &&
      request.gpu <= g.gpu,
  );
}

/** A person-readable size: "4 vCPU, 16 GiB, 1 GPU". */
export function describeResources(r: ResourceLimits): string {
  const parts = [
    formatCpu(Math.round(r.cpu * 1000)),
    formatMemory(r.memoryMiB),
  ];
  if (r.gpu > 0) parts.push(`${r.gpu} GPU`);
  return parts.join(', ');
}

/** Why `request` fits no node, naming the node groups. */
export function explainNoFit(
  request: ResourceLimits,
  groups: NodeGroup[],
): string {
  const sizes = groups
    .map(g => `${g.name} (${describeResources(g)} per node)`)
    .join('; ');
  return `${describeResources(
    request,
  )} fits no node of this workspace: ${sizes}`;
}
