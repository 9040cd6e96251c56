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
import { ProjectApplicationsTab } from '../ProjectApplicationsTab';
import { ProjectFilesTab } from '../ProjectFilesTab';
import { ProjectJobsTab } from '../ProjectJobsTab';
import { ProjectModelsTab } from '../ProjectModelsTab';
import { ProjectOverview } from '../ProjectOverview';
import { ProjectSessionsTab } from '../ProjectSessionsTab';
import { ProjectSettingsTab } from '../ProjectSettingsTab';
import { ResourcePage, resourceTab } from '../ResourcePage';

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

  return (
    <ResourcePage
      value={project}
      loading={loading}
      error={error}
      notFound="Project not found"
      title={project?.title || project?.name || 'Project'}
      subtitle={project ? `${project.workspace} / ${project.name}` : undefined}
      type="ML project"
      typeLink={rootLink()}
      labels={{
        Owner: project?.owner,
        Visibility: project?.visibility,
        'Your role': project && role,
      }}
      tabs={p => [
        resourceTab('/', 'Overview', <ProjectOverview project={p} />),
        resourceTab(
          '/sessions',
          'Sessions',
          <ProjectSessionsTab project={p} />,
        ),
        resourceTab('/jobs', 'Jobs', <ProjectJobsTab project={p} />),
        resourceTab('/models', 'Models', <ProjectModelsTab project={p} />),
        resourceTab(
          '/applications',
          'Applications',
          <ProjectApplicationsTab project={p} />,
        ),
        resourceTab('/files', 'Files', <ProjectFilesTab project={p} />),
        resourceTab(
          '/settings',
          'Settings',
          <ProjectSettingsTab
            project={p}
            onProjectChange={setSaved}
            onDeleted={() => navigate(rootLink())}
          />,
        ),
      ]}
    />
  );
}
