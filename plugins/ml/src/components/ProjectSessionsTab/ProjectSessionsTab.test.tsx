import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { mlApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  churnProject,
  createMockMlApi,
  page,
  runningSession,
  streamOf,
} from '../../testing/mockMlApi';
import { WithProjectRole } from '../../__testUtils__/permissions';
import { ProjectSessionsTab } from './ProjectSessionsTab';

function renderAt(path: string, api: ReturnType<typeof createMockMlApi>) {
  api.listRuntimes.mockResolvedValue(page([]));
  return renderInTestApp(
    <TestApiProvider apis={[[mlApiRef, api]]}>
      <WithProjectRole>
        <Routes>
          <Route
            path="/ml/projects/:projectId/sessions/*"
            element={<ProjectSessionsTab project={churnProject} />}
          />
        </Routes>
      </WithProjectRole>
    </TestApiProvider>,
    { mountedRoutes: { '/ml': rootRouteRef }, routeEntries: [path] },
  );
}

describe('ProjectSessionsTab', () => {
  it('shows the list at its root', async () => {
    const api = createMockMlApi();
    api.listSessions.mockResolvedValue(page([]));
    await renderAt(`/ml/projects/${churnProject.id}/sessions`, api);
    expect(await screen.findByText(/No sessions yet/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'New session' }),
    ).toBeInTheDocument();
  });

  it('shows one session below it', async () => {
    const api = createMockMlApi();
    api.getSession.mockResolvedValue(runningSession);
    api.followWorkloadLogs.mockReturnValue(streamOf<string>());
    await renderAt(
      `/ml/projects/${churnProject.id}/sessions/${runningSession.id}`,
      api,
    );
    expect(await screen.findByText('Exploration')).toBeInTheDocument();
    expect(api.getSession).toHaveBeenCalledWith(
      churnProject.id,
      runningSession.id,
    );
    expect(screen.getByLabelText('Console input')).toBeInTheDocument();
  });
});
