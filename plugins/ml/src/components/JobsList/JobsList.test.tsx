import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { needsRole } from '../../hooks/useProjectAccess';
import {
  createMockMlApi,
  findEnabledButton,
  renderWithMlApi,
  stubSvgLayout,
} from '../../__testUtils__';
import {
  churnProject,
  page,
  reportJob,
  trainJob,
} from '../../testing/fixtures';
import { JobsList } from './JobsList';

describe('JobsList', () => {
  beforeAll(stubSvgLayout);

  it('lists jobs with their trigger, last run and next run', async () => {
    const api = createMockMlApi({ listJobs: [trainJob, reportJob] });
    await renderWithMlApi(<JobsList project={churnProject} />, { api });

    const train = await screen.findByRole('link', { name: 'train' });
    expect(train).toHaveAttribute(
      'href',
      `/ml/projects/churn-${churnProject.id}/jobs/${trainJob.id}`,
    );
    const rows = screen.getAllByRole('row');
    const trainRow = rows.find(r => within(r).queryByText('train.py'))!;
    expect(within(trainRow).getByText('0 3 * * * (UTC)')).toBeInTheDocument();
    expect(
      within(trainRow).getByText('Succeeded · 1 min 30 s'),
    ).toBeInTheDocument();
    const reportRow = rows.find(r => within(r).queryByText('report.py'))!;
    expect(within(reportRow).getByText('after train')).toBeInTheDocument();
    expect(within(reportRow).getByText('Never')).toBeInTheDocument();
    expect(screen.getByText('Dependencies')).toBeInTheDocument();
  });

  it('opens the form for a new job', async () => {
    const api = createMockMlApi({
      listJobs: [],
      listRuntimes: page([]),
      listProfiles: page([]),
      listFiles: [],
    });
    await renderWithMlApi(<JobsList project={churnProject} />, { api });

    expect(await screen.findByText(/No jobs yet/)).toBeInTheDocument();
    await userEvent.click(await findEnabledButton('New job'));
    expect(
      await screen.findByRole('dialog', { name: 'New job' }),
    ).toBeInTheDocument();
    expect(api.listFiles).toHaveBeenCalledWith(churnProject.id, {
      recursive: true,
    });
  });

  it('offers a new job to contributors only', async () => {
    const api = createMockMlApi({ listJobs: [trainJob] });
    await renderWithMlApi(<JobsList project={churnProject} />, {
      api,
      projectRole: 'operator',
    });

    expect(
      await screen.findByRole('link', { name: 'train' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByTitle(needsRole('contributor')),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New job' })).toBeDisabled();
  });
});
