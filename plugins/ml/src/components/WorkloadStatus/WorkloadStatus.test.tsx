import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { WorkloadStatus, workloadStateColor } from './WorkloadStatus';

describe('WorkloadStatus', () => {
  it('names the state with its detail', async () => {
    await renderInTestApp(<WorkloadStatus state="timed_out" detail="1 h" />);
    expect(screen.getByText('Timed out · 1 h')).toBeInTheDocument();
    expect(screen.getByLabelText('Status error')).toBeInTheDocument();
  });

  it('uses the pending look for queued work', async () => {
    await renderInTestApp(<WorkloadStatus state="queued" />);
    expect(screen.getByLabelText('Status pending')).toHaveTextContent('Queued');
  });

  it('colours graph nodes by state', () => {
    expect(workloadStateColor('succeeded')).not.toBe(
      workloadStateColor('failed'),
    );
    expect(workloadStateColor(undefined)).toBe(workloadStateColor('stopped'));
  });
});
