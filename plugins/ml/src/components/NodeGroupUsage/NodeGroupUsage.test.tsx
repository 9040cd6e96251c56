import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { demoWorkspace, readyNode } from '../../testing/fixtures';
import { NodeGroupUsage } from './NodeGroupUsage';

describe('NodeGroupUsage', () => {
  it('compares what ready nodes hold with what they have and the group maximum', async () => {
    const starting = {
      ...readyNode,
      id: 'b0000000-0000-4000-8000-000000000002',
      ready: false,
      allocated: { cpu: 4, memoryMiB: 8192, gpu: 0 },
    };
    await renderInTestApp(
      <NodeGroupUsage
        group={demoWorkspace.nodeGroups[0]}
        nodes={[readyNode, starting]}
      />,
    );

    expect(
      screen.getByText('1 of 3 nodes ready, 1 starting · each 4 vCPU, 16 GiB'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 vCPU / 4 vCPU (12 vCPU)')).toBeInTheDocument();
    expect(screen.getByText('4 GiB / 16 GiB (48 GiB)')).toBeInTheDocument();
    // A group without GPUs has no GPU bar.
    expect(screen.queryByText('GPU')).not.toBeInTheDocument();
  });
});
