import { useState } from 'react';
import {
  Content,
  Header,
  HeaderLabel,
  Page,
  Progress,
  ResponseErrorPanel,
  TabbedLayout,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import { Project } from '@ml-platform/plugin-ml-common';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../../api';
import { projectIdFromSlug } from '../../lib/projectSlug';
import { projectRouteRef, rootRouteRef } from '../../routes';
import { ProjectFilesTab } from '../ProjectFilesTab';
import { ProjectJobsTab } from '../ProjectJobsTab';
import { ProjectOverview } from '../ProjectOverview';
import { ProjectSessionsTab } from '../ProjectSessionsTab';
import { ProjectSettingsTab } from '../ProjectSettingsTab';

/** One project: overview, sessions, jobs, files and settings. */
export function ProjectPage() {
  const projectId = projectIdFromSlug(
    useRouteRefParams(projectRouteRef).projectId,
  );
  const api = useApi(mlApiRef);
  const navigate = useNavigate();
  const rootLink = useRouteRef(rootRouteRef);
  const { value, loading, error } = useAsync(
    () => api.getProject(projectId),
    [api, projectId],
  );
  // Keep what a save returned rather than reloading, which would unmount the
  // tabs and lose their state.
  const [saved, setSaved] = useState<Project>();
  const project = saved?.id === projectId ? saved : value;

  let body;
  if (loading) {
    body = (
      <Content>
        <Progress />
      </Content>
    );
  } else if (error || !project) {
    body = (
      <Content>
        <ResponseErrorPanel error={error ?? new Error('Project not found')} />
      </Content>
    );
  } else {
    body = (
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Overview">
          <ProjectOverview
            project={project}
            onDeleted={() => navigate(rootLink())}
          />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/sessions" title="Sessions">
          <ProjectSessionsTab project={project} />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/jobs" title="Jobs">
          <ProjectJobsTab project={project} />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/files" title="Files">
          <ProjectFilesTab project={project} />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/settings" title="Settings">
          <ProjectSettingsTab project={project} onProjectChange={setSaved} />
        </TabbedLayout.Route>
      </TabbedLayout>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={project?.title || project?.name || 'Project'}
        subtitle={
          project ? `${project.workspace} / ${project.name}` : undefined
        }
        type="ML project"
        typeLink={rootLink()}
      >
        {project && <HeaderLabel label="Owner" value={project.owner} />}
        {project && (
          <HeaderLabel label="Visibility" value={project.visibility} />
        )}
      </Header>
      {body}
    </Page>
  );
}
