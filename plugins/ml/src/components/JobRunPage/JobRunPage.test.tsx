import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlflowApiRef } from '../../api';
import { needsRole } from '../../hooks/useProjectAccess';
import {
  TestProjectRole,
  createEmptyMlflowApi,
  createMockMlApi,
  findEnabledButton,
  mlflowExperiment,
  mlflowRun,
  mlflowRunId,
  renderWithMlApi,
  openStreamOf,
  streamOf,
} from '../../__testUtils__';
import {
  churnProject,
  page,
  trainJob,
  trainRun,
  trainRunEvents,
} from '../../testing/fixtures';
import { JobRunPage } from './JobRunPage';

jest.mock('react-virtualized-auto-sizer', () =>
  jest.requireActual('../../__testUtils__/fixedSizeAutoSizer'),
);

function renderPage(
  api: ReturnType<typeof createMockMlApi>,
  role?: TestProjectRole,
  mlflow = createEmptyMlflowApi(),
) {
  api.getJob.mockResolvedValue(trainJob);
  api.listRuntimes.mockResolvedValue(page([]));
  return renderWithMlApi(
    <JobRunPage
      project={churnProject}
      jobId={trainJob.id}
      runId={trainRun.id}
    />,
    { api, projectRole: role, apis: [[mlflowApiRef, mlflow]] },
  );
}

describe('JobRunPage', () => {
  it('shows a finished run: status, stored logs and its event history', async () => {
    const api = createMockMlApi({
      getWorkload: trainRun,
      listWorkloadEvents: trainRunEvents,
      getWorkloadLogs: ['loading data', 'slope=3.001'],
    });
    await renderPage(api);

    expect(await screen.findByText('Run of train')).toBeInTheDocument();
    expect(screen.getByText('Succeeded · 1 min 30 s')).toBeInTheDocument();
    expect(await screen.findByText('slope=3.001')).toBeInTheDocument();
    expect(api.followWorkloadLogs).not.toHaveBeenCalled();

    expect(
      await screen.findByText('admitted on node demo-cpu-1'),
    ).toBeInTheDocument();
    const admitted = screen
      .getByText('admitted on node demo-cpu-1')
      .closest('tr')!;
    expect(within(admitted).getByText('Queued')).toBeInTheDocument();
    expect(within(admitted).getByText('Starting')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Job train' })).toHaveAttribute(
      'href',
      `/ml/projects/churn-${churnProject.id}/jobs/${trainJob.id}`,
    );
  });

  it('follows the logs of a running run and can stop it', async () => {
    const api = createMockMlApi();
    const running = {
      ...trainRun,
      state: 'running' as const,
      endedAt: undefined,
      exitCode: undefined,
      reason: undefined,
    };
    api.getWorkload.mockResolvedValueOnce(running).mockResolvedValue({
      ...trainRun,
      state: 'stopped',
      reason: 'stopped by a user',
    });
    api.listWorkloadEvents.mockResolvedValue(trainRunEvents.slice(0, 2));
    api.followWorkloadLogs.mockImplementation((_id, options) =>
      openStreamOf(options?.signal, 'epoch 1'),
    );
    api.getWorkloadLogs.mockResolvedValue(['epoch 1', 'stopped']);
    api.stopWorkload.mockResolvedValue({ ...trainRun, state: 'stopped' });
    await renderPage(api);

    expect(await screen.findByText('epoch 1')).toBeInTheDocument();
    expect(api.followWorkloadLogs).toHaveBeenCalledWith(trainRun.id, {
      attempt: 1,
      signal: expect.any(AbortSignal),
    });

    await userEvent.click(await findEnabledButton('Stop'));

    expect(api.stopWorkload).toHaveBeenCalledWith(trainRun.id);
    expect(await screen.findByText('stopped by a user')).toBeInTheDocument();
    // Once it ended, the stored lines replace the followed ones.
    expect(await screen.findByText('stopped')).toBeInTheDocument();
    await waitFor(() =>
      expect(api.listWorkloadEvents).toHaveBeenCalledTimes(2),
    );
  });

  it('shows the final state as soon as the live log ends, not at the next poll', async () => {
    const api = createMockMlApi({ listWorkloadEvents: trainRunEvents });
    api.getWorkload
      .mockResolvedValueOnce({
        ...trainRun,
        state: 'running',
        endedAt: undefined,
        exitCode: undefined,
      })
      .mockResolvedValue(trainRun);
    api.followWorkloadLogs.mockReturnValue(streamOf('slope=3.001'));
    api.getWorkloadLogs.mockResolvedValue(['slope=3.001']);
    await renderPage(api);

    // The poll interval is 2.5 s; waitFor gives up after 1 s.
    expect(
      await screen.findByText('Succeeded · 1 min 30 s'),
    ).toBeInTheDocument();
    expect(api.getWorkload).toHaveBeenCalledTimes(2);
  });

  it('shows a running run to a viewer without Stop', async () => {
    const api = createMockMlApi({
      getWorkload: {
        ...trainRun,
        state: 'running',
        endedAt: undefined,
        exitCode: undefined,
      },
      listWorkloadEvents: trainRunEvents.slice(0, 2),
    });
    api.followWorkloadLogs.mockReturnValue(streamOf('epoch 1'));
    await renderPage(api, 'viewer');

    expect(await screen.findByText('epoch 1')).toBeInTheDocument();
    expect(await screen.findByTitle(needsRole('operator'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeDisabled();
  });

  it('lists the MLflow runs the run logged, linked to their pages', async () => {
    const api = createMockMlApi({
      getWorkload: trainRun,
      listWorkloadEvents: trainRunEvents,
      getWorkloadLogs: [],
    });
    const mlflow = createEmptyMlflowApi();
    mlflow.searchExperiments.mockResolvedValue({
      items: [mlflowExperiment(), mlflowExperiment({ experiment_id: '8' })],
    });
    mlflow.searchRuns.mockResolvedValue({
      items: [
        mlflowRun({
          id: mlflowRunId(1),
          name: 'baseline',
          tags: { 'ml.workload_id': trainRun.id },
        }),
      ],
    });
    await renderPage(api, undefined, mlflow);

    const link = await screen.findByRole('link', { name: 'baseline' });
    expect(link).toHaveAttribute(
      'href',
      `/ml/projects/churn-${churnProject.id}/experiments/runs/${mlflowRunId(
        1,
      )}`,
    );
    expect(screen.getByText('Experiment runs')).toBeInTheDocument();
    expect(
      within(link.closest('tr')!).getByText('churn-tuning'),
    ).toBeInTheDocument();
    expect(mlflow.searchExperiments).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: `tags.\`ml.project_id\` = '${churnProject.id}'`,
      }),
    );
    expect(mlflow.searchRuns).toHaveBeenCalledWith(
      expect.objectContaining({
        experimentIds: ['7', '8'],
        filter: `tags.\`ml.workload_id\` = '${trainRun.id}'`,
      }),
    );
  });

  it('shows no experiment runs card for a run that logged none', async () => {
    const api = createMockMlApi({
      getWorkload: trainRun,
      listWorkloadEvents: trainRunEvents,
      getWorkloadLogs: ['slope=3.001'],
    });
    const mlflow = createEmptyMlflowApi();
    mlflow.searchExperiments.mockResolvedValue({ items: [mlflowExperiment()] });
    await renderPage(api, undefined, mlflow);

    expect(await screen.findByText('slope=3.001')).toBeInTheDocument();
    await waitFor(() => expect(mlflow.searchRuns).toHaveBeenCalled());
    expect(screen.queryByText('Experiment runs')).not.toBeInTheDocument();
  });
});
