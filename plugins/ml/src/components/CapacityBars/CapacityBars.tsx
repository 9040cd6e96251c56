import Typography from '@material-ui/core/Typography';
import { WorkspaceCapacity, formatMemory } from '@ml-platform/plugin-ml-common';
import { formatGpu, formatVcpu } from '../../lib/resources';
import { ResourceUsageBar } from '../ResourceUsageBar';

/** @public */
export interface CapacityBarsProps {
  capacity: WorkspaceCapacity;
}

/** Usage against capacity for every resource of a workspace. */
export function CapacityBars(props: CapacityBarsProps) {
  const { current, maximum, used } = props.capacity;
  return (
    <>
      <ResourceUsageBar
        label="CPU"
        used={used.cpu}
        current={current.cpu}
        maximum={maximum.cpu}
        format={formatVcpu}
      />
      <ResourceUsageBar
        label="Memory"
        used={used.memoryMiB}
        current={current.memoryMiB}
        maximum={maximum.memoryMiB}
        format={formatMemory}
      />
      <ResourceUsageBar
        label="GPU"
        used={used.gpu}
        current={current.gpu}
        maximum={maximum.gpu}
        format={formatGpu}
      />
      <Typography variant="caption" color="textSecondary">
        Used / what the nodes running now provide (in brackets: the most once
        autoscaled to every group's maximum)
      </Typography>
    </>
  );
}
