import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { mlApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  churnProject,
  createMockMlApi,
  page,
  runningSession,
  trainJob,
} from '../../testing/mockMlApi';
import { churnModel } from '../../testing/mockModelsApi';
import { YourMlCard } from './YourMlCard';

function renderCard(api: ReturnType<typeof createMockMlApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[mlApiRef, api]]}>
      <YourMlCard />
    </TestApiProvider>,
    { mountedRoutes: { '/ml': rootRouteRef } },
  );
}

describe('YourMlCard', () => {
  it('shows the recent projects with what runs in them and what they serve', async () => {
    const api = createMockMlApi();
    api.listProjects.mockResolvedValue(page([churnProject]));
    api.listSessions.mockResolvedValue(page([runningSession]));
    api.listJobs.mockResolvedValue([
      { ...trainJob, lastRun: { ...trainJob.lastRun!, state: 'running' } },
    ]);
    api.listModels.mockResolvedValue([
      churnModel,
      { ...churnModel, id: 'm-2', name: 'idle', activeDeploymentId: undefined },
    ]);

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
    const api = createMockMlApi();
    api.listProjects.mockResolvedValue(page([]));

    await renderCard(api);

    expect(await screen.findByText('No ML project yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open ML' })).toHaveAttribute(
      'href',
      '/ml',
    );
  });
});
