import { render, screen } from '@testing-library/react';
import { ResourceUsageBar, ResourceUsageBarProps } from './ResourceUsageBar';

/** Renders the bar and returns its progress bar, named by the label. */
function renderBar(
  label: string,
  amounts: Pick<ResourceUsageBarProps, 'used' | 'current' | 'maximum'>,
  format: ResourceUsageBarProps['format'] = String,
) {
  render(<ResourceUsageBar label={label} {...amounts} format={format} />);
  return screen.getByRole('progressbar', { name: `${label} usage` });
}

describe('ResourceUsageBar', () => {
  it('shows used against current capacity, with the maximum in brackets', () => {
    const bar = renderBar(
      'CPU',
      { used: 1, current: 4, maximum: 12 },
      v => `${v} vCPU`,
    );
    expect(screen.getByText('1 vCPU / 4 vCPU (12 vCPU)')).toBeInTheDocument();
    expect(bar).toHaveAttribute('aria-valuenow', '25');
  });

  it('does not divide by zero when no node runs', () => {
    const bar = renderBar('GPU', { used: 0, current: 0, maximum: 2 });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
  });
});
