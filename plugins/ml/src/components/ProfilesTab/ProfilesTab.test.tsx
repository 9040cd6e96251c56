import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  clickButtonIn,
  createMockMlApi,
  fillAndSubmit,
  renderWithMlApi,
} from '../../__testUtils__';
import { page, smallProfile } from '../../testing/fixtures';
import { ProfilesTab } from './ProfilesTab';

async function renderTab(api: ReturnType<typeof createMockMlApi>) {
  await renderWithMlApi(<ProfilesTab workspace="demo" />, { api });
}

describe('ProfilesTab', () => {
  it('lists the profiles of the workspace', async () => {
    const api = createMockMlApi({ listProfiles: page([smallProfile]) });
    await renderTab(api);

    const row = (await screen.findByText('small')).closest('tr')!;
    expect(within(row).getByText('1 vCPU')).toBeInTheDocument();
    expect(within(row).getByText('2 GiB')).toBeInTheDocument();
    expect(api.listProfiles).toHaveBeenCalledWith('demo', expect.anything());
  });

  it('creates a profile and reloads the list', async () => {
    const api = createMockMlApi();
    api.listProfiles
      .mockResolvedValueOnce(page([]))
      .mockResolvedValue(page([{ ...smallProfile, name: 'large', cpu: 8 }]));
    api.createProfile.mockResolvedValue(smallProfile);
    await renderTab(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'New profile' }),
    );
    await fillAndSubmit({ Name: 'large', CPU: '8', Memory: '32Gi' }, 'Create');

    expect(await screen.findByText('large')).toBeInTheDocument();
    expect(api.createProfile).toHaveBeenCalledWith('demo', {
      name: 'large',
      description: '',
      cpu: 8,
      memoryMiB: 32768,
      gpu: 0,
    });
  });

  it('shows why the backend refused a profile', async () => {
    const api = createMockMlApi({ listProfiles: page([]) });
    api.createProfile.mockRejectedValue(
      new Error('cpu: no node of workspace demo has 64 vCPU'),
    );
    await renderTab(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'New profile' }),
    );
    await fillAndSubmit({ Name: 'huge', CPU: '64', Memory: '1Gi' }, 'Create');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'no node of workspace demo has 64 vCPU',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('deletes a profile only after confirmation', async () => {
    const api = createMockMlApi();
    api.listProfiles
      .mockResolvedValueOnce(page([smallProfile]))
      .mockResolvedValue(page([]));
    api.deleteProfile.mockResolvedValue();
    await renderTab(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete profile small' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Delete resource profile small?');
    expect(api.deleteProfile).not.toHaveBeenCalled();

    await clickButtonIn(dialog, 'Delete');

    await waitFor(() =>
      expect(api.deleteProfile).toHaveBeenCalledWith('demo', 'small'),
    );
    expect(
      await screen.findByText('No resource profiles yet.'),
    ).toBeInTheDocument();
  });

  it('keeps the profile when the deletion is cancelled', async () => {
    const api = createMockMlApi({ listProfiles: page([smallProfile]) });
    await renderTab(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete profile small' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(api.deleteProfile).not.toHaveBeenCalled();
  });

  it('edits a profile without renaming it', async () => {
    const api = createMockMlApi({
      listProfiles: page([smallProfile]),
      updateProfile: smallProfile,
    });
    await renderTab(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit profile small' }),
    );
    expect(screen.getByLabelText('Name')).toBeDisabled();
    const cpu = screen.getByLabelText('CPU');
    await userEvent.clear(cpu);
    await userEvent.type(cpu, '2');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateProfile).toHaveBeenCalledWith('demo', 'small', {
        description: 'For notebooks',
        cpu: 2,
        memoryMiB: 2048,
        gpu: 0,
      }),
    );
  });
});
