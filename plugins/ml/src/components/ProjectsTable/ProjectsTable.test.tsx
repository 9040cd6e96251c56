import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import {
  createMockMlApi,
  fillAndSubmit,
  renderWithMlApi,
} from '../../__testUtils__';
import { churnProject, demoWorkspace, page } from '../../testing/fixtures';
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

    await renderWithMlApi(<ProjectsTable workspaces={[demoWorkspace]} />, {
      api,
      apis: [[identityApiRef, mockApis.identity()]],
      path: '/ml',
      routeEntries: ['/ml'],
      otherRoutes: { '/ml/projects/:projectId': <LocationProbe /> },
    });

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
