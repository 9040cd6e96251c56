import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { trainRunEvents } from '../../testing/fixtures';
import { WorkloadEventsTable } from './WorkloadEventsTable';

describe('WorkloadEventsTable', () => {
  it('shows each transition with its attempt and reason', async () => {
    await renderInTestApp(<WorkloadEventsTable events={trainRunEvents} />);

    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('Queued')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Starting')).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('admitted on node demo-cpu-1'),
    ).toBeInTheDocument();
    expect(within(rows[2]).getByText('Succeeded')).toBeInTheDocument();
  });
});
