import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Project } from '@ml-platform/plugin-ml-common';
import { needsRole } from '../../hooks/useProjectAccess';
import {
  TestProjectRole,
  createMockMlApi,
  renderWithMlApi,
} from '../../__testUtils__';
import { churnProject } from '../../testing/fixtures';
import { ProjectOverview } from './ProjectOverview';

function renderOverview(
  api: ReturnType<typeof createMockMlApi>,
  project: Project,
  onDeleted = jest.fn(),
  role?: TestProjectRole,
) {
  return renderWithMlApi(
    <ProjectOverview project={project} onDeleted={onDeleted} />,
    { api, projectRole: role },
  );
}

describe('ProjectOverview', () => {
  it('shows the project and deletes it after confirmation', async () => {
    const api = createMockMlApi();
    api.deleteProject.mockResolvedValue();
    const onDeleted = jest.fn();
    await renderOverview(api, churnProject, onDeleted);

    expect(screen.getByText('Predicts who leaves')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'demo' })).toHaveAttribute(
      'href',
      '/ml/workspaces/demo',
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete project' }),
    );
    expect(api.deleteProject).not.toHaveBeenCalled();
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Delete',
      }),
    );

    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(api.deleteProject).toHaveBeenCalledWith(churnProject.id);
  });

  it('offers deleting only to admins', async () => {
    const api = createMockMlApi();
    await renderOverview(api, churnProject, jest.fn(), 'contributor');

    expect(await screen.findByTitle(needsRole('admin'))).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Delete project' });
    expect(button).toBeDisabled();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it("shows the team role of a group's project", async () => {
    await renderOverview(createMockMlApi(), {
      ...churnProject,
      owner: 'group:default/ml-team',
      teamRole: 'operator',
    });
    expect(
      screen.getByText('operator (members of the owner)'),
    ).toBeInTheDocument();
  });
});
