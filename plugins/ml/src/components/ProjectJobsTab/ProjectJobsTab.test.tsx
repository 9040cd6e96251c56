import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { mlApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  churnProject,
  createMockMlApi,
  page,
  trainJob,
  trainRun,
} from '../../testing/mockMlApi';
import { WithProjectRole } from '../../__testUtils__/permissions';
import { ProjectJobsTab } from './ProjectJobsTab';

function renderAt(path: string, api: ReturnType<typeof createMockMlApi>) {
  api.listRuntimes.mockResolvedValue(page([]));
  api.getJob.mockResolvedValue(trainJob);
  api.listJobs.mockResolvedValue([trainJob]);
  return renderInTestApp(
    <TestApiProvider apis={[[mlApiRef, api]]}>
      <WithProjectRole>
        <Routes>
          <Route
            path="/ml/projects/:projectId/jobs/*"
            element={<ProjectJobsTab project={churnProject} />}
          />
        </Routes>
      </WithProjectRole>
    </TestApiProvider>,
    { mountedRoutes: { '/ml': rootRouteRef }, routeEntries: [path] },
  );
}

describe('ProjectJobsTab', () => {
  it('opens a run from the URL that notifications link to', async () => {
    const api = createMockMlApi();
    api.getWorkload.mockResolvedValue(trainRun);
    api.listWorkloadEvents.mockResolvedValue([]);
    api.getWorkloadLogs.mockResolvedValue([]);
    // Notifications use the bare project id.
    await renderAt(
      `/ml/projects/${churnProject.id}/jobs/${trainJob.id}/runs/${trainRun.id}`,
      api,
    );

    expect(await screen.findByText('Run of train')).toBeInTheDocument();
    expect(api.getWorkload).toHaveBeenCalledWith(trainRun.id);
  });

  it('opens a job', async () => {
    const api = createMockMlApi();
    api.listJobRuns.mockResolvedValue(page([]));
    await renderAt(`/ml/projects/${churnProject.id}/jobs/${trainJob.id}`, api);

    expect(await screen.findByText('Job train')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run now' })).toBeInTheDocument();
  });
});
