import { Route, Routes } from 'react-router-dom';
import { projectRouteRef, workspaceRouteRef } from '../../routes';
import { MlHomePage } from '../MlHomePage';
import { ProjectPage } from '../ProjectPage';
import { WorkspacePage } from '../WorkspacePage';

/** Every page of the plugin, below wherever the app mounts it. */
export function Router() {
  return (
    <Routes>
      <Route path="/" element={<MlHomePage />} />
      <Route path={`${workspaceRouteRef.path}/*`} element={<WorkspacePage />} />
      <Route path={`${projectRouteRef.path}/*`} element={<ProjectPage />} />
    </Routes>
  );
}
