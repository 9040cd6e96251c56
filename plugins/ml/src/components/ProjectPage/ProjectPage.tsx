import {
  Content,
  Header,
  HeaderLabel,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import { useNavigate } from 'react-router-dom';
import { mlApiRef } from '../../api';
import { useEditableAsync } from '../../hooks/useEditableAsync';
import { strongestRole, useProjectAccess } from '../../hooks/useProjectAccess';
import { projectIdFromSlug } from '../../lib/projectSlug';
import { projectRouteRef, rootRouteRef } from '../../routes';
import { AsyncFallback } from '../AsyncFallback';
import { ProjectApplicationsTab } from '../ProjectApplicationsTab';
import { ProjectFilesTab } from '../ProjectFilesTab';
import { ProjectJobsTab } from '../ProjectJobsTab';
import { ProjectModelsTab } from '../ProjectModelsTab';
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
  const access = useProjectAccess(projectId);
  const role = strongestRole(access);
  const {
    value: project,
    loading,
    error,
    setSaved,
  } = useEditableAsync(
    () => api.getProject(projectId),
    [api, projectId],
    projectId,
    p => p.id,
  );

  let body;
  if (loading || error || !project) {
    body = (
      <Content>
        <AsyncFallback
          loading={loading}
          error={error}
          notFound="Project not found"
        />
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
        <TabbedLayout.Route path="/models" title="Models">
          <ProjectModelsTab project={project} />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/applications" title="Applications">
          <ProjectApplicationsTab project={project} />
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
        {project && role && <HeaderLabel label="Your role" value={role} />}
      </Header>
      {body}
    </Page>
  );
}
