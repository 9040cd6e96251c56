import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createMockMlApi,
  fillAndSubmit,
  renderWithMlApi,
} from '../../__testUtils__';
import { churnProject, demoWorkspace } from '../../testing/fixtures';
import { NewProjectDialog } from './NewProjectDialog';
import { ownerChoices } from './OwnerFields';

const otherWorkspace = { ...demoWorkspace, name: 'gpu', title: 'GPU pool' };

const jane = mockApis.identity({
  userEntityRef: 'user:default/jane',
  ownershipEntityRefs: [
    'user:default/jane',
    'group:default/ml-team',
    'group:default/analytics',
  ],
});

/** Renders the dialog for `identity` (Jane by default); returns onCreated. */
async function renderDialog(api = createMockMlApi(), identity = jane) {
  const onCreated = jest.fn();
  await renderWithMlApi(
    <NewProjectDialog
      open
      workspaces={[demoWorkspace, otherWorkspace]}
      onClose={jest.fn()}
      onCreated={onCreated}
    />,
    { api, apis: [[identityApiRef, identity]] },
  );
  return onCreated;
}

describe('NewProjectDialog', () => {
  it('refuses a name that is not a DNS label without calling the API', async () => {
    const api = createMockMlApi();
    await renderDialog(api);

    await fillAndSubmit({ Name: 'Churn_Model' }, 'Create');

    expect(
      screen.getByText(/Name must use only lowercase letters/),
    ).toBeInTheDocument();
    expect(api.createProject).not.toHaveBeenCalled();
  });

  it('creates the project in the chosen workspace', async () => {
    const api = createMockMlApi({ createProject: churnProject });
    const onCreated = await renderDialog(api);

    await userEvent.type(screen.getByLabelText('Name'), 'churn');
    await userEvent.type(screen.getByLabelText('Title'), 'Churn model');
    await userEvent.selectOptions(screen.getByLabelText('Workspace'), 'gpu');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(churnProject));
    expect(api.createProject).toHaveBeenCalledWith({
      workspace: 'gpu',
      name: 'churn',
      title: 'Churn model',
      description: '',
      visibility: 'private',
    });
  });

  it('shows what the server refused', async () => {
    const api = createMockMlApi();
    api.createProject.mockRejectedValue(
      new Error('name: a project "churn" already exists in workspace "demo"'),
    );
    const onCreated = await renderDialog(api);

    await fillAndSubmit({ Name: 'churn' }, 'Create');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'already exists',
    );
    expect(api.createProject).toHaveBeenCalledWith(
      expect.objectContaining({ workspace: 'demo' }),
    );
    expect(onCreated).not.toHaveBeenCalled();
  });

  it("offers the user first, then the user's groups, as owner", async () => {
    await renderDialog();

    const owner = screen.getByLabelText('Owner');
    await waitFor(() => expect(owner).toHaveValue('user:default/jane'));
    expect(
      within(owner)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'user:default/jane (you)',
      'group:default/ml-team',
      'group:default/analytics',
    ]);
    // The team role only matters for a group.
    expect(screen.queryByLabelText('Team role')).not.toBeInTheDocument();
  });

  it('gives the project to a group with the role its members get', async () => {
    const api = createMockMlApi({ createProject: churnProject });
    const onCreated = await renderDialog(api);

    await userEvent.type(screen.getByLabelText('Name'), 'churn');
    await waitFor(() => expect(screen.getByLabelText('Owner')).toBeEnabled());
    await userEvent.selectOptions(
      screen.getByLabelText('Owner'),
      'group:default/ml-team',
    );
    const teamRole = screen.getByLabelText('Team role');
    expect(teamRole).toHaveValue('contributor');
    expect(
      screen.getByText(/^Members of group:default\/ml-team get this role/),
    ).toBeInTheDocument();
    await userEvent.selectOptions(teamRole, 'operator');
    await userEvent.selectOptions(screen.getByLabelText('Visibility'), 'team');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(churnProject));
    expect(api.createProject).toHaveBeenCalledWith({
      workspace: 'demo',
      name: 'churn',
      title: undefined,
      description: '',
      visibility: 'team',
      owner: 'group:default/ml-team',
      teamRole: 'operator',
    });
  });

  it('explains each visibility in its option', async () => {
    await renderDialog();
    expect(
      within(screen.getByLabelText('Visibility'))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'private: the owner and collaborators',
      "team: also the members of the owner's groups",
      'public: every signed-in user may read it',
    ]);
  });

  it('keeps a user without groups as the owner', async () => {
    await renderDialog(
      createMockMlApi(),
      mockApis.identity({
        userEntityRef: 'user:default/solo',
        ownershipEntityRefs: ['user:default/solo'],
      }),
    );
    expect(
      await screen.findByText(/You belong to no group/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Owner')).toHaveValue('user:default/solo');
    expect(screen.getByLabelText('Owner')).toBeDisabled();
  });
});

describe('ownerChoices', () => {
  it('lists the user first and only groups after, once each', () => {
    expect(
      ownerChoices({
        userEntityRef: 'user:default/jane',
        ownershipEntityRefs: [
          'group:default/b',
          'user:default/jane',
          'group:default/b',
          'group:default/a',
        ],
      }),
    ).toEqual(['user:default/jane', 'group:default/b', 'group:default/a']);
  });
});
