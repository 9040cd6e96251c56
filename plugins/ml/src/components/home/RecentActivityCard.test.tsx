import { screen, within } from '@testing-library/react';
import { createMockMlApi, renderWithMlApi } from '../../__testUtils__';
import {
  churnProject,
  page,
  reportJob,
  runningSession,
  trainJob,
} from '../../testing/fixtures';
import { RecentActivityCard } from './RecentActivityCard';

describe('RecentActivityCard', () => {
  it('lists sessions and last job runs, newest first, with their state', async () => {
    const api = createMockMlApi({
      listProjects: page([churnProject]),
      listSessions: page([runningSession]),
      // reportJob never ran: it has no activity.
      listJobs: [trainJob, reportJob],
      listModels: [],
    });

    await renderWithMlApi(<RecentActivityCard />, { api });

    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    // The session started at 10:00 on the 12th, the run ended at 03:01.
    expect(
      within(items[0]).getByRole('link', { name: 'Exploration' }),
    ).toHaveAttribute(
      'href',
      `/ml/projects/churn-${churnProject.id}/sessions/${runningSession.id}`,
    );
    expect(within(items[0]).getByText('Running')).toBeInTheDocument();
    expect(
      within(items[1]).getByRole('link', { name: 'train' }),
    ).toHaveAttribute(
      'href',
      `/ml/projects/churn-${churnProject.id}/jobs/${trainJob.id}/runs/${
        trainJob.lastRun!.id
      }`,
    );
    expect(within(items[1]).getByText('Succeeded')).toBeInTheDocument();
  });

  it('says so when nothing ran yet', async () => {
    const api = createMockMlApi({
      listProjects: page([churnProject]),
      listSessions: page([]),
      listJobs: [reportJob],
      listModels: [],
    });

    await renderWithMlApi(<RecentActivityCard />, { api });

    expect(
      await screen.findByText(/No session or job run yet/),
    ).toBeInTheDocument();
  });
});
