import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createMockMlApi,
  expectCollaboratorsReadOnly,
  renderWithMlApi,
} from '../../__testUtils__';
import { bobAs, churnProject } from '../../testing/fixtures';
import { ProjectSettingsTab } from './ProjectSettingsTab';

/** Adds the variable SEED=42 as the `row`th and saves the environment. */
async function addSeedAndSave(row: number) {
  await userEvent.click(screen.getByRole('button', { name: 'Add variable' }));
  await userEvent.type(screen.getByLabelText(`Name ${row}`), 'SEED');
  await userEvent.type(screen.getByLabelText(`Value ${row}`), '42');
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
}

describe('ProjectSettingsTab', () => {
  it('saves the environment variables of the project', async () => {
    const api = createMockMlApi({ listCollaborators: [] });
    const saved = { ...churnProject, env: { MODEL: 'xgb', SEED: '42' } };
    api.updateProject.mockResolvedValue(saved);
    const onProjectChange = jest.fn();
    await renderWithMlApi(
      <ProjectSettingsTab
        project={churnProject}
        onProjectChange={onProjectChange}
      />,
      { api },
    );

    // The editor replaces the read-only list once the admin role is known.
    expect(await screen.findByLabelText('Name 1')).toHaveValue('MODEL');
    await addSeedAndSave(2);

    await waitFor(() =>
      expect(api.updateProject).toHaveBeenCalledWith(churnProject.id, {
        env: { MODEL: 'xgb', SEED: '42' },
      }),
    );
    expect(onProjectChange).toHaveBeenCalledWith(saved);
  });

  it('keeps a secret of the project when other variables are saved, and shows it masked', async () => {
    const api = createMockMlApi({ listCollaborators: [] });
    const project = {
      ...churnProject,
      env: { DB_PASSWORD: { secret: true as const }, MODEL: 'xgb' },
    };
    api.updateProject.mockResolvedValue({
      ...project,
      env: { ...project.env, SEED: '42' },
    });
    await renderWithMlApi(
      <ProjectSettingsTab project={project} onProjectChange={jest.fn()} />,
      { api },
    );

    expect(await screen.findByLabelText('Value 1')).toHaveValue('••••••••');
    await addSeedAndSave(3);

    await waitFor(() =>
      expect(api.updateProject).toHaveBeenCalledWith(churnProject.id, {
        env: { DB_PASSWORD: { secret: true }, MODEL: 'xgb', SEED: '42' },
      }),
    );
  });

  it('shows the settings read-only to someone who is not an admin', async () => {
    const api = createMockMlApi({ listCollaborators: [bobAs('contributor')] });
    await renderWithMlApi(
      <ProjectSettingsTab project={churnProject} onProjectChange={jest.fn()} />,
      { api, projectRole: 'contributor' },
    );

    expect(await screen.findByText(/Read-only/)).toHaveTextContent(
      'Read-only: changing the settings and collaborators needs the admin role on this project.',
    );
    // Details: shown, not changeable.
    expect(screen.getByLabelText('Title')).toHaveValue('Churn model');
    expect(screen.getByLabelText('Title')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save details' })).toBeDisabled();
    // Environment: the variables, no editor.
    expect(screen.getByText('MODEL')).toBeInTheDocument();
    expect(screen.getByText('xgb')).toBeInTheDocument();
    expect(screen.queryByLabelText('Name 1')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add variable' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Save' }),
    ).not.toBeInTheDocument();
    // Collaborators: listed, no add, change or remove.
    expect(await screen.findByText('user:default/bob')).toBeInTheDocument();
    expectCollaboratorsReadOnly('user:default/bob');
    expect(api.updateProject).not.toHaveBeenCalled();
  });
});
