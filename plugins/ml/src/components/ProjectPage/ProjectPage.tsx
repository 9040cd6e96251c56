import { ComponentType } from 'react';
import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import { Project } from '@ml-platform/plugin-ml-common';
import { useNavigate } from 'react-router-dom';
import { mlApiRef } from '../../api';
import { useEditableAsync } from '../../hooks/useEditableAsync';
import { strongestRole, useProjectAccess } from '../../hooks/useProjectAccess';
import { projectIdFromSlug } from '../../lib/projectSlug';
import { projectRouteRef, rootRouteRef } from '../../routes';
import { ProjectExperimentsTab } from '../experiments';
import { ProjectApplicationsTab } from '../ProjectApplicationsTab';
import { ProjectFilesTab } from '../ProjectFilesTab';
import { ProjectJobsTab } from '../ProjectJobsTab';
import { ProjectModelsTab } from '../ProjectModelsTab';
import { ProjectOverview } from '../ProjectOverview';
import { ProjectSessionsTab } from '../ProjectSessionsTab';
import { ProjectSettingsTab } from '../ProjectSettingsTab';
import { ProjectRegistryTab } from '../registry';
import { ResourcePage, resourceTab } from '../ResourcePage';

/** The tabs that show the project and nothing else, in their order. */
const PROJECT_TABS: [string, string, ComponentType<{ project: Project }>][] = [
  ['/', 'Overview', ProjectOverview],
  ['/sessions', 'Sessions', ProjectSessionsTab],
  ['/jobs', 'Jobs', ProjectJobsTab],
  ['/experiments', 'Experiments', ProjectExperimentsTab],
  ['/registry', 'Model registry', ProjectRegistryTab],
  ['/models', 'Models', ProjectModelsTab],
  ['/applications', 'Applications', ProjectApplicationsTab],
  ['/files', 'Files', ProjectFilesTab],
];

/**
 * One project: overview, sessions, jobs, experiments, model registry,
 * models, applications, files and settings.
 */
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
        ...PROJECT_TABS.map(([path, title, Tab]) =>
          resourceTab(path, title, <Tab project={p} />),
        ),
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
