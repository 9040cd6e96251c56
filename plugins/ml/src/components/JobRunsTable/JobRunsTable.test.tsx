import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { trainRun } from '../../testing/fixtures';
import { JobRunsTable } from './JobRunsTable';

describe('JobRunsTable', () => {
  it('shows status, attempt, trigger, duration and exit code, linking each run', async () => {
    const failed = {
      ...trainRun,
      id: 'run-2',
      state: 'failed' as const,
      attempt: 2,
      exitCode: 1,
      trigger: 'dependency' as const,
    };
    await renderInTestApp(
      <JobRunsTable runs={[failed, trainRun]} linkTo={r => `/runs/${r.id}`} />,
    );

    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('Failed')).toBeInTheDocument();
    expect(within(rows[0]).getByText('1 min 30 s')).toBeInTheDocument();
    expect(within(rows[0]).getByText('2 of 2')).toBeInTheDocument();
    expect(within(rows[0]).getByText('dependency')).toBeInTheDocument();
    expect(within(rows[0]).getByText('1')).toBeInTheDocument();
    expect(within(rows[1]).getByRole('link')).toHaveAttribute(
      'href',
      `/runs/${trainRun.id}`,
    );
  });
});
