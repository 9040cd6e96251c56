import { screen } from '@testing-library/react';
import { createMockMlApi, renderWithMlApi } from '../../__testUtils__';
import { churnProject, page, trainJob, trainRun } from '../../testing/fixtures';
import { ProjectJobsTab } from './ProjectJobsTab';

function renderAt(path: string, api: ReturnType<typeof createMockMlApi>) {
  api.listRuntimes.mockResolvedValue(page([]));
  api.getJob.mockResolvedValue(trainJob);
  api.listJobs.mockResolvedValue([trainJob]);
  return renderWithMlApi(<ProjectJobsTab project={churnProject} />, {
    path: '/ml/projects/:projectId/jobs/*',
    api,
    routeEntries: [path],
  });
}

describe('ProjectJobsTab', () => {
  it('opens a run from the URL that notifications link to', async () => {
    const api = createMockMlApi({
      getWorkload: trainRun,
      listWorkloadEvents: [],
      getWorkloadLogs: [],
    });
    // Notifications use the bare project id.
    await renderAt(
      `/ml/projects/${churnProject.id}/jobs/${trainJob.id}/runs/${trainRun.id}`,
      api,
    );

    expect(await screen.findByText('Run of train')).toBeInTheDocument();
    expect(api.getWorkload).toHaveBeenCalledWith(trainRun.id);
  });

  it('opens a job', async () => {
    const api = createMockMlApi({ listJobRuns: page([]) });
    await renderAt(`/ml/projects/${churnProject.id}/jobs/${trainJob.id}`, api);

    expect(await screen.findByText('Job train')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run now' })).toBeInTheDocument();
  });
});
