import { screen } from '@testing-library/react';
import { createMockMlApi, renderWithMlApi } from '../../__testUtils__';
import {
  churnModel,
  churnProject,
  page,
  runningSession,
  trainJob,
} from '../../testing/fixtures';
import { YourMlCard } from './YourMlCard';

function renderCard(api: ReturnType<typeof createMockMlApi>) {
  return renderWithMlApi(<YourMlCard />, { api });
}

describe('YourMlCard', () => {
  it('shows the recent projects with what runs in them and what they serve', async () => {
    const api = createMockMlApi({
      listProjects: page([churnProject]),
      listSessions: page([runningSession]),
      listJobs: [
        { ...trainJob, lastRun: { ...trainJob.lastRun!, state: 'running' } },
      ],
      listModels: [
        churnModel,
        {
          ...churnModel,
          id: 'm-2',
          name: 'idle',
          activeDeploymentId: undefined,
        },
      ],
    });

    await renderCard(api);

    expect(
      await screen.findByRole('link', { name: 'Churn model' }),
    ).toHaveAttribute('href', `/ml/projects/churn-${churnProject.id}`);
    expect(
      screen.getByText(/1 active session · 1 running job · 1 deployed model/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: churnModel.name })).toHaveAttribute(
      'href',
      `/ml/projects/churn-${churnProject.id}/models/${churnModel.id}`,
    );
    expect(
      screen.queryByRole('link', { name: 'idle' }),
    ).not.toBeInTheDocument();
    expect(api.listProjects).toHaveBeenCalledWith({
      sort: '-updated_at',
      pageSize: 5,
    });
  });

  it('leads to the ML page when there is no project yet', async () => {
    const api = createMockMlApi({ listProjects: page([]) });

    await renderCard(api);

    expect(await screen.findByText('No ML project yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open ML' })).toHaveAttribute(
      'href',
      '/ml',
    );
  });
});
