import { InfoCard } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { Workspace } from '@ml-platform/plugin-ml-common';
import { workspaceRouteRef } from '../../routes';
import { WorkspaceCapacityBars } from '../CapacityBars';

/** @public */
export interface WorkspaceCardProps {
  workspace: Workspace;
}

/** A workspace on the home page, with what it uses of what it has. */
export function WorkspaceCard(props: WorkspaceCardProps) {
  const { workspace } = props;
  const workspaceLink = useRouteRef(workspaceRouteRef);

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
      <WorkspaceCapacityBars workspace={workspace.name} />
    </InfoCard>
  );
}
