import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Workspace } from '@ml-platform/plugin-ml-common';
import { useMlApi } from '../../hooks/useMlApi';
import { workspaceRouteRef } from '../../routes';
import { WorkspaceCapacityBars } from '../CapacityBars';

function WorkspaceCapacity(props: { workspace: Workspace }) {
  const { workspace } = props;
  const workspaceLink = useRouteRef(workspaceRouteRef);
  return (
    <Box mb={2}>
      <Typography variant="subtitle2">
        <Link to={workspaceLink({ workspace: workspace.name })}>
          {workspace.title || workspace.name}
        </Link>
      </Typography>
      <WorkspaceCapacityBars workspace={workspace.name} />
    </Box>
  );
}

/**
 * What the workspaces use of their nodes now, and in brackets what
 * autoscaling can reach.
 */
export function WorkspaceCapacityCard() {
  const { value, loading, error } = useMlApi(api =>
    api.listWorkspaces({ sort: '+name', pageSize: 100 }),
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value?.items.length) {
    return (
      <Typography color="textSecondary">
        No workspace exists yet. Workspaces are created by platform
        administrators.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        Used of the nodes running now; in brackets, what autoscaling can reach.
      </Typography>
      {value.items.map(workspace => (
        <WorkspaceCapacity key={workspace.name} workspace={workspace} />
      ))}
    </>
  );
}
