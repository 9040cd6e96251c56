import { Content, EmptyState, LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Navigate, Route, Routes } from 'react-router-dom';
import {
  experimentCompareRouteRef,
  experimentRunRouteRef,
  projectRouteRef,
  registeredModelRouteRef,
  rootRouteRef,
  workspaceRouteRef,
} from '../../routes';
import { CompareRunsPage, ExperimentRunPage } from '../experiments';
import { MlHomePage } from '../MlHomePage';
import { ProjectPage } from '../ProjectPage';
import { RegisteredModelPage } from '../registry';
import { WorkspacePage } from '../WorkspacePage';

/** An address below the plugin that names no page: say so, with a way on. */
function UnknownMlPage() {
  const rootLink = useRouteRef(rootRouteRef);
  return (
    <Content>
      <EmptyState
        missing="info"
        title="There is no ML page at this address"
        description="The link may be old, or mistyped. The ML home page lists the workspaces and projects you can open."
        action={
          <LinkButton variant="contained" color="primary" to={rootLink()}>
            Back to ML home
          </LinkButton>
        }
      />
    </Content>
  );
}

/** Every page of the plugin, below wherever the app mounts it. */
export function Router() {
  return (
    <Routes>
      <Route path="/" element={<MlHomePage />} />
      {/* The lists of projects and workspaces are on the home page. */}
      <Route path="/projects" element={<Navigate to=".." replace />} />
      <Route path="/workspaces" element={<Navigate to=".." replace />} />
      <Route path={`${workspaceRouteRef.path}/*`} element={<WorkspacePage />} />
      {/* More specific than the project's tabs, so these win over them. */}
      <Route
        path={experimentRunRouteRef.path}
        element={<ExperimentRunPage />}
      />
      <Route
        path={experimentCompareRouteRef.path}
        element={<CompareRunsPage />}
      />
      <Route
        path={registeredModelRouteRef.path}
        element={<RegisteredModelPage />}
      />
      <Route path={`${projectRouteRef.path}/*`} element={<ProjectPage />} />
      <Route path="*" element={<UnknownMlPage />} />
    </Routes>
  );
}
