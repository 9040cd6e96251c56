import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { mlApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  churnProject,
  createMockMlApi,
  demoWorkspace,
  page,
} from '../../testing/mockMlApi';
import { ProjectsTable } from './ProjectsTable';

describe('ProjectsTable', () => {
  it('opens the new project after creating it', async () => {
    const api = createMockMlApi();
    api.listProjects.mockResolvedValue(page([]));
    api.createProject.mockResolvedValue(churnProject);

    await renderInTestApp(
      <TestApiProvider apis={[[mlApiRef, api]]}>
        <Routes>
          <Route
            path="/ml"
            element={<ProjectsTable workspaces={[demoWorkspace]} />}
          />
          <Route
            path="/ml/projects/:projectId"
            element={<div>Project page opened</div>}
          />
        </Routes>
      </TestApiProvider>,
      { mountedRoutes: { '/ml': rootRouteRef }, routeEntries: ['/ml'] },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'New project' }),
    );
    await userEvent.type(screen.getByLabelText('Name'), 'churn');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('Project page opened')).toBeInTheDocument();
    expect(api.createProject).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'churn', workspace: 'demo' }),
    );
  });
});
