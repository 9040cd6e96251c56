import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockMlApi, renderWithMlApi } from '../../__testUtils__';
import {
  demoCapacity,
  demoWorkspace,
  page,
  smallProfile,
} from '../../testing/fixtures';
import { WorkspacePage } from './WorkspacePage';

function renderAt(path: string, api: ReturnType<typeof createMockMlApi>) {
  return renderWithMlApi(<WorkspacePage />, {
    path: '/ml/workspaces/:workspace/*',
    api,
    routeEntries: [path],
  });
}

describe('WorkspacePage', () => {
  it('loads the workspace named in the URL and shows its overview', async () => {
    const api = createMockMlApi({
      getWorkspace: demoWorkspace,
      getWorkspaceCapacity: demoCapacity,
    });
    await renderAt('/ml/workspaces/demo', api);

    expect(
      await screen.findByRole('heading', { name: 'Demo workspace' }),
    ).toBeInTheDocument();
    expect(api.getWorkspace).toHaveBeenCalledWith('demo');
    expect(await screen.findByText('Node groups')).toBeInTheDocument();
    for (const tab of [
      'Overview',
      'Resource profiles',
      'Quotas',
      'Runtimes',
      'Environment',
    ]) {
      expect(screen.getByRole('tab', { name: tab })).toBeInTheDocument();
    }
  });

  it('switches to the profiles tab', async () => {
    const api = createMockMlApi({
      getWorkspace: demoWorkspace,
      getWorkspaceCapacity: demoCapacity,
      listProfiles: page([smallProfile]),
    });
    await renderAt('/ml/workspaces/demo', api);

    await userEvent.click(
      await screen.findByRole('tab', { name: 'Resource profiles' }),
    );

    expect(await screen.findByText('For notebooks')).toBeInTheDocument();
  });

  it('saves the site environment', async () => {
    const api = createMockMlApi({
      getWorkspace: demoWorkspace,
      updateWorkspace: {
        ...demoWorkspace,
        env: { SITE: 'prod' },
      },
    });
    await renderAt('/ml/workspaces/demo/environment', api);

    const value = await screen.findByLabelText('Value 1');
    await userEvent.clear(value);
    await userEvent.type(value, 'prod');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateWorkspace).toHaveBeenCalledWith('demo', {
        env: { SITE: 'prod' },
      }),
    );
  });

  it('reports a workspace that cannot be loaded', async () => {
    const api = createMockMlApi();
    api.getWorkspace.mockRejectedValue(new Error('Workspace nope not found'));
    await renderAt('/ml/workspaces/nope', api);

    expect(
      await screen.findByRole('heading', {
        name: 'Error: Workspace nope not found',
      }),
    ).toBeInTheDocument();
  });
});
