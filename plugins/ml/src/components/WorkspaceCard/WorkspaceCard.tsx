import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { Workspace } from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { workspaceRouteRef } from '../../routes';
import { CapacityBars } from '../CapacityBars';

/** @public */
export interface WorkspaceCardProps {
  workspace: Workspace;
}

/** A workspace on the home page, with what it uses of what it has. */
export function WorkspaceCard(props: WorkspaceCardProps) {
  const { workspace } = props;
  const api = useApi(mlApiRef);
  const workspaceLink = useRouteRef(workspaceRouteRef);
  const { value, loading, error } = useAsync(
    () => api.getWorkspaceCapacity(workspace.name),
    [api, workspace.name],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    body = <CapacityBars capacity={value} />;
  }

  return (
    <InfoCard
      title={workspace.title || workspace.name}
      subheader={`${workspace.name} · ${workspace.driver}`}
      deepLink={{
        title: 'Manage workspace',
        link: workspaceLink({ workspace: workspace.name }),
      }}
    >
      {workspace.description && (
        <Typography variant="body2" color="textSecondary" paragraph>
          {workspace.description}
        </Typography>
      )}
      {body}
    </InfoCard>
  );
}
