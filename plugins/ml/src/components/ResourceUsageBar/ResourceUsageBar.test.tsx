import { render, screen } from '@testing-library/react';
import { ResourceUsageBar } from './ResourceUsageBar';

describe('ResourceUsageBar', () => {
  it('shows used against current capacity, with the maximum in brackets', () => {
    render(
      <ResourceUsageBar
        label="CPU"
        used={1}
        current={4}
        maximum={12}
        format={v => `${v} vCPU`}
      />,
    );
    expect(screen.getByText('1 vCPU / 4 vCPU (12 vCPU)')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'CPU usage' }),
    ).toHaveAttribute('aria-valuenow', '25');
  });

  it('does not divide by zero when no node runs', () => {
    render(
      <ResourceUsageBar
        label="GPU"
        used={0}
        current={0}
        maximum={2}
        format={String}
      />,
    );
    expect(
      screen.getByRole('progressbar', { name: 'GPU usage' }),
    ).toHaveAttribute('aria-valuenow', '0');
  });
});
