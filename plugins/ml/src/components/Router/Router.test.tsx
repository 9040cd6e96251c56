import { screen } from '@testing-library/react';
import { createMockMlApi, renderWithMlApi } from '../../__testUtils__';
import {
  churnProject,
  demoCapacity,
  demoWorkspace,
  page,
} from '../../testing/fixtures';
import { Router } from './Router';

function renderAt(path: string, api: ReturnType<typeof createMockMlApi>) {
  return renderWithMlApi(<Router />, {
    api,
    path: '/ml/*',
    routeEntries: [path],
  });
}

describe('Router', () => {
  const api = createMockMlApi({
    listWorkspaces: page([demoWorkspace]),
    getWorkspace: demoWorkspace,
    getWorkspaceCapacity: demoCapacity,
    listProjects: page([churnProject]),
    getProject: churnProject,
  });

  it('renders the home page at the root', async () => {
    await renderAt('/ml', api);
    expect(
      await screen.findByRole('heading', { name: 'Machine Learning' }),
    ).toBeInTheDocument();
  });

  it('renders a workspace page', async () => {
    await renderAt('/ml/workspaces/demo', api);
    expect(
      await screen.findByRole('heading', { name: 'Demo workspace' }),
    ).toBeInTheDocument();
  });

  it('renders a project page', async () => {
    await renderAt(`/ml/projects/${churnProject.id}`, api);
    expect(
      await screen.findByRole('heading', { name: 'Churn model' }),
    ).toBeInTheDocument();
  });

  it.each(['/ml/projects', '/ml/workspaces'])(
    'sends %s to the home page, which lists them',
    async path => {
      await renderAt(path, api);
      expect(
        await screen.findByRole('heading', { name: 'Machine Learning' }),
      ).toBeInTheDocument();
    },
  );

  it('says when no ML page is at an address, with a way back', async () => {
    await renderAt('/ml/experiments/nothing', api);
    expect(
      await screen.findByText('There is no ML page at this address'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Back to ML home' }),
    ).toHaveAttribute('href', '/ml');
  });
});
