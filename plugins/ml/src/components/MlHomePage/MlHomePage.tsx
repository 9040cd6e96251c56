import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useState } from 'react';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { usePermission } from '@backstage/plugin-permission-react';
import { mlWorkspaceManagePermission } from '@ml-platform/plugin-ml-common';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { workspaceRouteRef } from '../../routes';
import { ProjectsTable } from '../ProjectsTable';
import { WorkspaceCard } from '../WorkspaceCard';
import { WorkspaceDialog } from '../WorkspaceDialog';
import { NewButton } from '../NewItemButton';

/** The ML landing page: workspaces with their capacity, then projects. */
export function MlHomePage() {
  const api = useApi(mlApiRef);
  const navigate = useNavigate();
  const workspaceLink = useRouteRef(workspaceRouteRef);
  const [creating, setCreating] = useState(false);
  // Only administrators may create workspaces; others don't see the button.
  const canManage = usePermission({ permission: mlWorkspaceManagePermission });
  const { value, loading, error } = useAsync(
    () => api.listWorkspaces({ sort: '+name', pageSize: 100 }),
    [api],
  );
  const workspaces = value?.items ?? [];

  let workspaceSection;
  if (loading) {
    workspaceSection = <Progress />;
  } else if (error) {
    workspaceSection = <ResponseErrorPanel error={error} />;
  } else if (workspaces.length === 0) {
    workspaceSection = (
      <Typography color="textSecondary">
        {canManage.allowed
          ? 'No workspace exists yet. Create one with "New workspace".'
          : 'No workspace exists yet. Workspaces are created by platform administrators.'}
      </Typography>
    );
  } else {
    workspaceSection = (
      <Grid container spacing={3}>
        {workspaces.map(workspace => (
          <Grid item xs={12} md={6} lg={4} key={workspace.name}>
            <WorkspaceCard workspace={workspace} />
          </Grid>
        ))}
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Machine Learning"
        subtitle="Workspaces, projects and their files"
      />
      <Content>
        <ContentHeader title="Workspaces">
          {canManage.allowed && (
            <NewButton onClick={() => setCreating(true)}>
              New workspace
            </NewButton>
          )}
          <SupportButton>
            A workspace is a pool of compute shared by its projects. The bars
            show what is used of the nodes running now, and in brackets what
            autoscaling can reach.
          </SupportButton>
        </ContentHeader>
        {workspaceSection}
        <ContentHeader title="Projects" />
        <ProjectsTable workspaces={workspaces} />
      </Content>
      <WorkspaceDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={workspace => {
          setCreating(false);
          navigate(workspaceLink({ workspace: workspace.name }));
        }}
      />
    </Page>
  );
}
