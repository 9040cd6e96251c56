import { InfoCard } from '@backstage/core-components';
import {
  NodeGroup,
  WorkspaceNode,
  formatMemory,
} from '@ml-platform/plugin-ml-common';
import { RESOURCE_KINDS, formatVcpu } from '../../lib/resources';
import { ResourceUsageBar } from '../ResourceUsageBar';

/** @public */
export interface NodeGroupUsageProps {
  group: NodeGroup;
  /** The group's nodes, ready or starting. */
  nodes: WorkspaceNode[];
}

function sum(nodes: WorkspaceNode[], pick: (n: WorkspaceNode) => number) {
  return nodes.reduce((total, n) => total + pick(n), 0);
}

/**
 * What workloads hold on one node group's ready nodes, against what those
 * nodes have and (in brackets) what the group has at its maximum size.
 * Room reserved on nodes still starting shows in the nodes table instead.
 */
export function NodeGroupUsage(props: NodeGroupUsageProps) {
  const { group, nodes } = props;
  const ready = nodes.filter(n => n.ready);
  const starting = nodes.length - ready.length;
  const subheader = `${ready.length} of ${group.maxNodes} nodes ready${
    starting > 0 ? `, ${starting} starting` : ''
  } · each ${formatVcpu(group.cpu)}, ${formatMemory(group.memoryMiB)}`;
  return (
    <InfoCard title={`Node group ${group.name}`} subheader={subheader}>
      {RESOURCE_KINDS.filter(({ key }) => key !== 'gpu' || group.gpu > 0).map(
        ({ key, label, format }) => (
          <ResourceUsageBar
            key={key}
            label={label}
            used={sum(ready, n => n.allocated[key])}
            current={sum(ready, n => n.capacity[key])}
            maximum={group[key] * group.maxNodes}
            format={format}
          />
        ),
      )}
    </InfoCard>
  );
}
