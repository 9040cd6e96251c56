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
import { rootRouteRef, workspaceRouteRef } from '../../routes';
import { AsyncFallback } from '../AsyncFallback';
import { EnvVarsEditor } from '../EnvVarsEditor';
import { ProfilesTab } from '../ProfilesTab';
import { QuotasTab } from '../QuotasTab';
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

  let body;
  if (loading || error || !workspace) {
    body = (
      <Content>
        <AsyncFallback
          loading={loading}
          error={error}
          notFound="Workspace not found"
        />
      </Content>
    );
  } else {
    body = (
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Overview">
          <WorkspaceOverview
            workspace={workspace}
            onDeleted={() => navigate(rootLink())}
            onWorkspaceChange={setSaved}
          />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/queue" title="Queue">
          <WorkspaceQueueTab workspace={workspace} />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/profiles" title="Resource profiles">
          <ProfilesTab workspace={workspace.name} />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/quotas" title="Quotas">
          <QuotasTab workspace={workspace} onWorkspaceChange={setSaved} />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/runtimes" title="Runtimes">
          <RuntimesTab />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/environment" title="Environment">
          <EnvVarsEditor
            title="Site environment"
            description="Lowest precedence: projects and workloads can override these"
            env={workspace.env}
            onSave={async env => {
              setSaved(await api.updateWorkspace(workspace.name, { env }));
            }}
          />
        </TabbedLayout.Route>
      </TabbedLayout>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={workspace?.title || name}
        subtitle={`Workspace ${name}`}
        type="ML"
        typeLink={rootLink()}
      >
        {workspace && <HeaderLabel label="Owner" value={workspace.owner} />}
        {workspace && <HeaderLabel label="Driver" value={workspace.driver} />}
      </Header>
      {body}
    </Page>
  );
}
