import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  TestProjectRole,
  createMockMlApi,
  expectCollaboratorsReadOnly,
  renderAsRole,
} from '../../__testUtils__';
import { bobAs } from '../../testing/fixtures';
import { CollaboratorsCard } from './CollaboratorsCard';

const bob = bobAs('viewer');

const renderCard = (
  api: ReturnType<typeof createMockMlApi>,
  role?: TestProjectRole,
) => renderAsRole(<CollaboratorsCard projectId="p-1" />, api, role);

describe('CollaboratorsCard', () => {
  it('adds a collaborator with the chosen role', async () => {
    const api = createMockMlApi();
    api.listCollaborators
      .mockResolvedValueOnce([])
      .mockResolvedValue([bobAs('admin')]);
    api.setCollaborator.mockResolvedValue();
    await renderCard(api);

    await userEvent.type(
      await screen.findByLabelText('Subject'),
      'user:default/bob',
    );
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'admin');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));

    await waitFor(() =>
      expect(api.setCollaborator).toHaveBeenCalledWith(
        'p-1',
        'user:default/bob',
        'admin',
      ),
    );
    expect(await screen.findByText('user:default/bob')).toBeInTheDocument();
    expect(screen.getByLabelText('Role of user:default/bob')).toHaveValue(
      'admin',
    );
  });

  it('refuses a subject that is not an entity ref', async () => {
    const api = createMockMlApi({ listCollaborators: [] });
    await renderCard(api);

    await userEvent.type(await screen.findByLabelText('Subject'), 'bob');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));

    expect(
      screen.getByText(/Subject must be a user or group ref/),
    ).toBeInTheDocument();
    expect(api.setCollaborator).not.toHaveBeenCalled();
  });

  it('changes a role and removes a collaborator', async () => {
    const api = createMockMlApi({ listCollaborators: [bob] });
    api.setCollaborator.mockResolvedValue();
    api.removeCollaborator.mockResolvedValue();
    await renderCard(api);

    await userEvent.selectOptions(
      await screen.findByLabelText('Role of user:default/bob'),
      'contributor',
    );
    await waitFor(() =>
      expect(api.setCollaborator).toHaveBeenCalledWith(
        'p-1',
        'user:default/bob',
        'contributor',
      ),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Remove user:default/bob' }),
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Remove',
      }),
    );
    await waitFor(() =>
      expect(api.removeCollaborator).toHaveBeenCalledWith(
        'p-1',
        'user:default/bob',
      ),
    );
  });

  it('says what each role may do, one line each', async () => {
    const api = createMockMlApi({ listCollaborators: [] });
    await renderCard(api);

    const legend = await screen.findByRole('list', { name: 'Roles' });
    const lines = within(legend).getAllByRole('listitem');
    expect(lines.map(l => l.textContent)).toEqual([
      expect.stringMatching(/^viewer: reads the project/),
      expect.stringMatching(/^operator: also starts and stops job runs/),
      expect.stringMatching(/^contributor: also changes files/),
      expect.stringMatching(/^admin: also changes the settings/),
    ]);
  });

  it('lists the collaborators without add, change or remove for a non-admin', async () => {
    const api = createMockMlApi({ listCollaborators: [bob] });
    await renderCard(api, 'contributor');

    expect(await screen.findByText('user:default/bob')).toBeInTheDocument();
    expect(screen.getByText('viewer')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add' }),
    ).not.toBeInTheDocument();
    expectCollaboratorsReadOnly('user:default/bob');
  });
});
