import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Project } from '@ml-platform/plugin-ml-common';
import { needsRole } from '../../hooks/useProjectAccess';
import {
  TestProjectRole,
  createMockMlApi,
  fillAndSubmit,
  renderWithMlApi,
} from '../../__testUtils__';
import { churnProject } from '../../testing/fixtures';
import { ProjectDetailsCard } from './ProjectDetailsCard';

/** Renders the card on `project` for `role`; returns its onProjectChange. */
async function renderCard(
  api: ReturnType<typeof createMockMlApi>,
  project: Project = churnProject,
  role?: TestProjectRole,
) {
  const onProjectChange = jest.fn();
  await renderWithMlApi(
    <ProjectDetailsCard project={project} onProjectChange={onProjectChange} />,
    { api, projectRole: role },
  );
  return onProjectChange;
}

describe('ProjectDetailsCard', () => {
  it('saves title, description and visibility', async () => {
    const saved = {
      ...churnProject,
      title: 'Churn v2',
      visibility: 'team' as const,
    };
    const api = createMockMlApi({ updateProject: saved });
    const onProjectChange = await renderCard(api);

    const save = screen.getByRole('button', { name: 'Save details' });
    expect(save).toBeDisabled();
    await userEvent.clear(screen.getByLabelText('Title'));
    await userEvent.type(screen.getByLabelText('Title'), 'Churn v2');
    await userEvent.selectOptions(screen.getByLabelText('Visibility'), 'team');
    await userEvent.click(save);

    await waitFor(() => expect(onProjectChange).toHaveBeenCalledWith(saved));
    expect(api.updateProject).toHaveBeenCalledWith(churnProject.id, {
      title: 'Churn v2',
      description: 'Predicts who leaves',
      visibility: 'team',
    });
  });

  it('refuses an empty title and shows server errors under their field', async () => {
    const api = createMockMlApi();
    api.updateProject.mockRejectedValue(
      new Error(
        'Invalid request body: description: String must contain at most 4000 character(s)',
      ),
    );
    await renderCard(api);

    await userEvent.clear(screen.getByLabelText('Title'));
    expect(screen.getByText('Title must not be empty')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save details' })).toBeDisabled();

    await fillAndSubmit({ Title: 'Churn', Description: '!' }, 'Save details');
    expect(
      await screen.findByText('String must contain at most 4000 character(s)'),
    ).toBeInTheDocument();
  });

  it("edits the team role, explained by the owning group's members", async () => {
    const teamProject = {
      ...churnProject,
      owner: 'group:default/ml-team',
      visibility: 'team' as const,
    };
    const api = createMockMlApi({
      updateProject: { ...teamProject, teamRole: 'viewer' },
    });
    await renderCard(api, teamProject);

    const teamRole = screen.getByLabelText('Team role');
    expect(teamRole).toHaveValue('contributor');
    expect(
      screen.getByText(
        /^Members of group:default\/ml-team get this role; contributor: also changes files/,
      ),
    ).toBeInTheDocument();
    await userEvent.selectOptions(teamRole, 'viewer');
    expect(
      screen.getByText(/get this role; viewer: reads the project/),
    ).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Save details' }),
    );

    await waitFor(() =>
      expect(api.updateProject).toHaveBeenCalledWith(churnProject.id, {
        title: 'Churn model',
        description: 'Predicts who leaves',
        visibility: 'team',
        teamRole: 'viewer',
      }),
    );
  });

  it('says the team role only counts for a group owner', async () => {
    await renderCard(createMockMlApi(), churnProject);
    expect(
      screen.getByText(/only used when a group owns the project/),
    ).toBeInTheDocument();
  });

  it('shows the details read-only to someone who is not an admin', async () => {
    const api = createMockMlApi();
    await renderCard(api, churnProject, 'contributor');

    expect(await screen.findByTitle(needsRole('admin'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save details' })).toBeDisabled();
    for (const label of ['Title', 'Description', 'Visibility', 'Team role']) {
      expect(screen.getByLabelText(label)).toBeDisabled();
    }
    expect(screen.getByLabelText('Title')).toHaveValue('Churn model');
  });
});
