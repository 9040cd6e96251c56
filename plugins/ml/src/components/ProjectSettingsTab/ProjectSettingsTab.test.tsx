import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlApiRef } from '../../api';
import { churnProject, createMockMlApi } from '../../testing/mockMlApi';
import { ProjectSettingsTab } from './ProjectSettingsTab';

describe('ProjectSettingsTab', () => {
  it('saves the environment variables of the project', async () => {
    const api = createMockMlApi();
    api.listCollaborators.mockResolvedValue([]);
    const saved = { ...churnProject, env: { MODEL: 'xgb', SEED: '42' } };
    api.updateProject.mockResolvedValue(saved);
    const onProjectChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[mlApiRef, api]]}>
        <ProjectSettingsTab
          project={churnProject}
          onProjectChange={onProjectChange}
        />
      </TestApiProvider>,
    );

    expect(screen.getByLabelText('Name 1')).toHaveValue('MODEL');
    await userEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    await userEvent.type(screen.getByLabelText('Name 2'), 'SEED');
    await userEvent.type(screen.getByLabelText('Value 2'), '42');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateProject).toHaveBeenCalledWith(churnProject.id, {
        env: { MODEL: 'xgb', SEED: '42' },
      }),
    );
    expect(onProjectChange).toHaveBeenCalledWith(saved);
  });

  it('keeps a secret of the project when other variables are saved, and shows it masked', async () => {
    const api = createMockMlApi();
    api.listCollaborators.mockResolvedValue([]);
    const project = {
      ...churnProject,
      env: { DB_PASSWORD: { secret: true as const }, MODEL: 'xgb' },
    };
    api.updateProject.mockResolvedValue({
      ...project,
      env: { ...project.env, SEED: '42' },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[mlApiRef, api]]}>
        <ProjectSettingsTab project={project} onProjectChange={jest.fn()} />
      </TestApiProvider>,
    );

    expect(screen.getByLabelText('Value 1')).toHaveValue('••••••••');
    await userEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    await userEvent.type(screen.getByLabelText('Name 3'), 'SEED');
    await userEvent.type(screen.getByLabelText('Value 3'), '42');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateProject).toHaveBeenCalledWith(churnProject.id, {
        env: { DB_PASSWORD: { secret: true }, MODEL: 'xgb', SEED: '42' },
      }),
    );
  });
});
