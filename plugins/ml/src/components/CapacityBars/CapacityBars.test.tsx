import { render, screen } from '@testing-library/react';
import { demoCapacity } from '../../testing/fixtures';
import { CapacityBars } from './CapacityBars';

describe('CapacityBars', () => {
  it('formats each resource in its own unit', () => {
    render(<CapacityBars capacity={demoCapacity} />);
    expect(screen.getByText('1.5 vCPU / 4 vCPU (12 vCPU)')).toBeInTheDocument();
    expect(screen.getByText('4 GiB / 16 GiB (48 GiB)')).toBeInTheDocument();
    expect(screen.getByText('0 GPU / 0 GPU (0 GPU)')).toBeInTheDocument();
  });
});
