import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockMlApi, renderWithMlApi } from '../../__testUtils__';
import { demoCapacity, demoWorkspace } from '../../testing/fixtures';
import { WorkspaceOverview } from './WorkspaceOverview';

describe('WorkspaceOverview', () => {
  it('shows node groups and capacity', async () => {
    const api = createMockMlApi({ getWorkspaceCapacity: demoCapacity });
    await renderWithMlApi(
      <WorkspaceOverview workspace={demoWorkspace} onDeleted={jest.fn()} />,
      { api },
    );

    const row = screen.getByText('cpu').closest('tr')!;
    expect(within(row).getByText('4 vCPU')).toBeInTheDocument();
    expect(within(row).getByText('16 GiB')).toBeInTheDocument();
    expect(await screen.findByText(/Largest node: 4 vCPU/)).toBeInTheDocument();
  });

  it('explains a refused deletion', async () => {
    const api = createMockMlApi({ getWorkspaceCapacity: demoCapacity });
    api.deleteWorkspace.mockRejectedValue(
      new Error('workspace demo still has 2 projects'),
    );
    const onDeleted = jest.fn();
    await renderWithMlApi(
      <WorkspaceOverview workspace={demoWorkspace} onDeleted={onDeleted} />,
      { api },
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Delete workspace' }),
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Delete',
      }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'still has 2 projects',
    );
    expect(onDeleted).not.toHaveBeenCalled();
  });

  it('edits the workspace and hands back what was saved', async () => {
    const api = createMockMlApi({ getWorkspaceCapacity: demoCapacity });
    const saved = { ...demoWorkspace, title: 'Demo pool' };
    api.updateWorkspace.mockResolvedValue(saved);
    const onWorkspaceChange = jest.fn();
    await renderWithMlApi(
      <WorkspaceOverview
        workspace={demoWorkspace}
        onDeleted={jest.fn()}
        onWorkspaceChange={onWorkspaceChange}
      />,
      { api },
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Edit workspace' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.clear(within(dialog).getByLabelText('Title'));
    await userEvent.type(within(dialog).getByLabelText('Title'), 'Demo pool');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onWorkspaceChange).toHaveBeenCalledWith(saved));
    expect(api.updateWorkspace).toHaveBeenCalledWith(
      'demo',
      expect.objectContaining({ title: 'Demo pool' }),
    );
  });
});
