import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useMlApi } from '../../hooks/useMlApi';
import { CapacityBars } from './CapacityBars';

/** @public */
export interface WorkspaceCapacityBarsProps {
  /** The workspace's name. */
  workspace: string;
}

/** A workspace's capacity bars, loaded for it: progress, an error or bars. */
export function WorkspaceCapacityBars(props: WorkspaceCapacityBarsProps) {
  const { value, loading, error } = useMlApi(
    api => api.getWorkspaceCapacity(props.workspace),
    [props.workspace],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return value ? <CapacityBars capacity={value} /> : null;
}
