import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { needsRole } from '../../hooks/useProjectAccess';
import {
  TestProjectRole,
  createMockMlApi,
  expectButtons,
  findEnabledButton,
  renderWithMlApi,
  responseError,
} from '../../__testUtils__';
import {
  churnProject,
  page,
  reportJob,
  trainJob,
  trainRun,
} from '../../testing/fixtures';
import { JobPage } from './JobPage';

function renderPage(
  api: ReturnType<typeof createMockMlApi>,
  role?: TestProjectRole,
) {
  api.getJob.mockResolvedValue(trainJob);
  api.listJobs.mockResolvedValue([trainJob, reportJob]);
  api.listJobRuns.mockResolvedValue(page([trainRun]));
  api.listRuntimes.mockResolvedValue(page([]));
  return renderWithMlApi(
    <JobPage project={churnProject} jobId={trainJob.id} />,
    {
      path: '/ml/projects/:projectId/jobs/:jobId',
      api,
      projectRole: role,
      routeEntries: [`/ml/projects/${churnProject.id}/jobs/${trainJob.id}`],
      otherRoutes: {
        '/ml/projects/:projectId/jobs/:jobId/runs/:runId': <div>run page</div>,
      },
    },
  );
}

describe('JobPage', () => {
  it('shows the job, its children and its runs', async () => {
    const api = createMockMlApi();
    await renderPage(api);

    expect(await screen.findByText('Job train')).toBeInTheDocument();
    expect(screen.getByText('0 3 * * * (UTC)')).toBeInTheDocument();
    expect(await screen.findByText('report')).toBeInTheDocument();
    expect(screen.getByText('--epochs 3')).toBeInTheDocument();
    expect(await screen.findByText('1 of 2')).toBeInTheDocument();
  });

  it('runs the job now and opens the run', async () => {
    const api = createMockMlApi({
      runJob: {
        ...trainRun,
        id: 'new-run',
        state: 'queued',
      },
    });
    await renderPage(api);

    await userEvent.click(await findEnabledButton('Run now'));

    expect(await screen.findByText('run page')).toBeInTheDocument();
    expect(api.runJob).toHaveBeenCalledWith(churnProject.id, trainJob.id);
  });

  it('says why a run was refused', async () => {
    const api = createMockMlApi();
    api.runJob.mockRejectedValue(
      await responseError(
        409,
        "Job 'train' already has an active run (queued)",
      ),
    );
    await renderPage(api);

    await userEvent.click(await findEnabledButton('Run now'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Job 'train' already has an active run (queued)",
    );
  });

  it('deletes the job after asking', async () => {
    const api = createMockMlApi();
    api.deleteJob.mockResolvedValue();
    await renderPage(api);

    await userEvent.click(await findEnabledButton('Delete'));
    expect(
      await screen.findByText(
        /The jobs that run after it \(report\) become manual jobs/,
      ),
    ).toBeInTheDocument();
    expect(api.deleteJob).not.toHaveBeenCalled();
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Delete' }).pop()!,
    );

    expect(api.deleteJob).toHaveBeenCalledWith(churnProject.id, trainJob.id);
  });

  it('lets an operator run the job, not change it', async () => {
    const api = createMockMlApi();
    await renderPage(api, 'operator');

    expect(await findEnabledButton('Run now')).toBeInTheDocument();
    expectButtons({ disabled: ['Edit', 'Delete'] });
    expect(screen.getAllByTitle(needsRole('contributor'))).toHaveLength(2);
  });

  it('shows a viewer the job with no action', async () => {
    const api = createMockMlApi();
    await renderPage(api, 'viewer');

    expect(await screen.findByText('Job train')).toBeInTheDocument();
    expect(await screen.findByTitle(needsRole('operator'))).toBeInTheDocument();
    for (const name of ['Run now', 'Edit', 'Delete']) {
      expect(screen.getByRole('button', { name })).toBeDisabled();
    }
    expect(await screen.findByText('1 of 2')).toBeInTheDocument();
  });
});
