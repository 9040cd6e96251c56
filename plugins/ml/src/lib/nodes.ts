import { WorkspaceNode } from '@ml-platform/plugin-ml-common';

/**
 * How a workspace node is named on the page: its group and the start of its
 * id, `cpu-a1b2c`, as a cloud node pool names its machines. The ML backend's
 * nodes are the capacity it admits work onto (one row per node of a group,
 * made by admission as the group scales), not Kubernetes nodes or hosts, so
 * they have an id and a group but no name of their own; the name stays the
 * same for as long as the node lives.
 */
export function nodeName(node: Pick<WorkspaceNode, 'id' | 'group'>): string {
  return `${node.group}-${node.id.replace(/-/g, '').slice(0, 5)}`;
}

/**
 * The name of the node a workload was placed on, from the workspace's
 * nodes; the start of its id when the node is gone (scaled down).
 */
export function placedNodeName(
  nodeId: string,
  nodes: Array<Pick<WorkspaceNode, 'id' | 'group'>>,
): string {
  const node = nodes.find(n => n.id === nodeId);
  return node ? nodeName(node) : nodeId.split('-')[0];
}
