import { render, screen } from '@testing-library/react';
import { ResourceUsageBar, ResourceUsageBarProps } from './ResourceUsageBar';

/** Renders the bar and returns its progress bar, named by the label. */
function renderBar(props: ResourceUsageBarProps) {
  render(<ResourceUsageBar {...props} />);
  return screen.getByRole('progressbar', { name: `${props.label} usage` });
}

describe('ResourceUsageBar', () => {
  it('shows used against current capacity, with the maximum in brackets', () => {
    const bar = renderBar({
      label: 'CPU',
      used: 1,
      current: 4,
      maximum: 12,
      format: v => `${v} vCPU`,
    });
    expect(screen.getByText('1 vCPU / 4 vCPU (12 vCPU)')).toBeInTheDocument();
    expect(bar).toHaveAttribute('aria-valuenow', '25');
  });

  it('does not divide by zero when no node runs', () => {
    const bar = renderBar({
      label: 'GPU',
      used: 0,
      current: 0,
      maximum: 2,
      format: String,
    });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
  });
});
