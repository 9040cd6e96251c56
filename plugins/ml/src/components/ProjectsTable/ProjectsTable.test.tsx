import { identityApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router-dom';
import { mlApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  churnProject,
  createMockMlApi,
  demoWorkspace,
  fillAndSubmit,
  page,
} from '../../testing';
import { ProjectsTable } from './ProjectsTable';

function LocationProbe() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

describe('ProjectsTable', () => {
  it('opens the new project after creating it', async () => {
    const api = createMockMlApi({
      listProjects: page([]),
      createProject: churnProject,
    });

    await renderInTestApp(
      <TestApiProvider
        apis={[
          [mlApiRef, api],
          [identityApiRef, mockApis.identity()],
        ]}
      >
        <Routes>
          <Route
            path="/ml"
            element={<ProjectsTable workspaces={[demoWorkspace]} />}
          />
          <Route path="/ml/projects/:projectId" element={<LocationProbe />} />
        </Routes>
      </TestApiProvider>,
      { mountedRoutes: { '/ml': rootRouteRef }, routeEntries: ['/ml'] },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'New project' }),
    );
    await fillAndSubmit({ Name: 'churn' }, 'Create');

    // The URL names the project, as people (and the browser tests) expect.
    expect(await screen.findByTestId('location')).toHaveTextContent(
      `/ml/projects/churn-${churnProject.id}`,
    );
    expect(api.createProject).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'churn', workspace: 'demo' }),
    );
  });
});
