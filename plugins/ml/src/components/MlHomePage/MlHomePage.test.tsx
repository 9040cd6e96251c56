import { mlWorkspaceManagePermission } from '@ml-platform/plugin-ml-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  clickButtonIn,
  createMockMlApi,
  renderWithMlApi,
} from '../../__testUtils__';
import {
  churnProject,
  demoCapacity,
  demoWorkspace,
  page,
} from '../../testing/fixtures';
import { MlHomePage } from './MlHomePage';

// The hook caches answers across renders (SWR), so tests set it directly.
const mockUsePermission = jest.fn();
jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: (input: unknown) => mockUsePermission(input),
}));

beforeEach(() => {
  mockUsePermission.mockReturnValue({ loading: false, allowed: true });
});

function renderPage(api = createMockMlApi()) {
  return renderWithMlApi(<MlHomePage />, { api });
}

describe('MlHomePage', () => {
  it('lists workspaces with their usage and the projects', async () => {
    const api = createMockMlApi({
      listWorkspaces: page([demoWorkspace]),
      getWorkspaceCapacity: demoCapacity,
      listProjects: page([churnProject]),
    });

    await renderPage(api);

    expect(await screen.findByText('Demo workspace')).toBeInTheDocument();
    expect(screen.getByText('demo · local')).toBeInTheDocument();
    expect(
      await screen.findByText('4 GiB / 16 GiB (48 GiB)'),
    ).toBeInTheDocument();

    const projectLink = await screen.findByRole('link', { name: 'churn' });
    expect(projectLink).toHaveAttribute(
      'href',
      `/ml/projects/churn-${churnProject.id}`,
    );
    const row = projectLink.closest('tr')!;
    expect(within(row).getByText('Churn model')).toBeInTheDocument();
    expect(within(row).getByText('user:default/jane')).toBeInTheDocument();
  });

  it('says so when the workspaces cannot be loaded', async () => {
    const api = createMockMlApi();
    api.listWorkspaces.mockRejectedValue(new Error('backend is down'));
    api.listProjects.mockResolvedValue(page([]));

    await renderPage(api);

    expect(
      await screen.findByRole('heading', { name: 'Error: backend is down' }),
    ).toBeInTheDocument();
    expect(await screen.findByText(/No projects yet/)).toBeInTheDocument();
  });

  it('searches projects on the server', async () => {
    const api = createMockMlApi({
      listWorkspaces: page([]),
      listProjects: page([]),
    });
    await renderPage(api);

    await userEvent.type(
      await screen.findByLabelText('Search projects'),
      'churn',
    );

    await waitFor(() =>
      expect(api.listProjects).toHaveBeenLastCalledWith(
        expect.objectContaining({ filter: 'churn' }),
      ),
    );
    await waitFor(() =>
      expect(
        screen.getByText('No project matches "churn".'),
      ).toBeInTheDocument(),
    );
  });

  it('offers "New workspace" only to those who may manage workspaces', async () => {
    const api = createMockMlApi({
      listWorkspaces: page([]),
      listProjects: page([]),
    });

    const { unmount } = await renderPage(api);
    expect(
      await screen.findByRole('button', { name: 'New workspace' }),
    ).toBeInTheDocument();
    expect(mockUsePermission).toHaveBeenCalledWith({
      permission: mlWorkspaceManagePermission,
    });
    unmount();

    mockUsePermission.mockReturnValue({ loading: false, allowed: false });
    await renderPage(api);
    expect(
      await screen.findByText(/created by platform administrators/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'New workspace' }),
    ).not.toBeInTheDocument();
  });

  it('creates a workspace and opens it', async () => {
    const api = createMockMlApi({
      listWorkspaces: page([]),
      listProjects: page([]),
      createWorkspace: demoWorkspace,
    });
    await renderPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'New workspace' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Name'), 'demo');
    await userEvent.type(
      within(dialog).getByLabelText('Node group 1 Name'),
      'cpu',
    );
    await clickButtonIn(dialog, 'Create');

    await waitFor(() =>
      expect(api.createWorkspace).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'demo' }),
      ),
    );
  });
});
