import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import { useNavigate } from 'react-router-dom';
import { mlApiRef } from '../../api';
import { useEditableAsync } from '../../hooks/useEditableAsync';
import { rootRouteRef, workspaceRouteRef } from '../../routes';
import { EnvVarsEditor } from '../EnvVarsEditor';
import { ProfilesTab } from '../ProfilesTab';
import { QuotasTab } from '../QuotasTab';
import { ResourcePage, resourceTab } from '../ResourcePage';
import { RuntimesTab } from '../RuntimesTab';
import { WorkspaceOverview } from '../WorkspaceOverview';
import { WorkspaceQueueTab } from '../WorkspaceQueueTab';

/** Administration of one workspace, one tab per concern. */
export function WorkspacePage() {
  const { workspace: name } = useRouteRefParams(workspaceRouteRef);
  const api = useApi(mlApiRef);
  const navigate = useNavigate();
  const rootLink = useRouteRef(rootRouteRef);
  // Edits come back as the saved workspace (see useEditableAsync).
  const {
    value: workspace,
    loading,
    error,
    setSaved,
  } = useEditableAsync(
    () => api.getWorkspace(name),
    [api, name],
    name,
    w => w.name,
  );

  return (
    <ResourcePage
      value={workspace}
      loading={loading}
      error={error}
      notFound="Workspace not found"
      title={workspace?.title || name}
      subtitle={`Workspace ${name}`}
      type="ML"
      typeLink={rootLink()}
      labels={{ Owner: workspace?.owner, Driver: workspace?.driver }}
      tabs={w => [
        resourceTab(
          '/',
          'Overview',
          <WorkspaceOverview
            workspace={w}
            onDeleted={() => navigate(rootLink())}
            onWorkspaceChange={setSaved}
          />,
        ),
        resourceTab('/queue', 'Queue', <WorkspaceQueueTab workspace={w} />),
        resourceTab(
          '/profiles',
          'Resource profiles',
          <ProfilesTab workspace={w.name} />,
        ),
        resourceTab(
          '/quotas',
          'Quotas',
          <QuotasTab workspace={w} onWorkspaceChange={setSaved} />,
        ),
        resourceTab('/runtimes', 'Runtimes', <RuntimesTab />),
        resourceTab(
          '/environment',
          'Environment',
          <EnvVarsEditor
            title="Site environment"
            description="Lowest precedence: projects and workloads can override these"
            env={w.env}
            onSave={async env => {
              setSaved(await api.updateWorkspace(w.name, { env }));
            }}
          />,
        ),
      ]}
    />
  );
}
