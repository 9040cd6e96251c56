import Typography from '@material-ui/core/Typography';
import { WorkspaceCapacity } from '@ml-platform/plugin-ml-common';
import { RESOURCE_KINDS } from '../../lib/resources';
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
      {RESOURCE_KINDS.map(({ key, label, format }) => (
        <ResourceUsageBar
          key={key}
          label={label}
          used={used[key]}
          current={current[key]}
          maximum={maximum[key]}
          format={format}
        />
      ))}
      <Typography variant="caption" color="textSecondary">
        Used / what the nodes running now provide (in brackets: the most once
        autoscaled to every group's maximum)
      </Typography>
    </>
  );
}
