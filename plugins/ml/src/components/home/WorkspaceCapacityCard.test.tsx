import { screen } from '@testing-library/react';
import { createMockMlApi, renderWithMlApi } from '../../__testUtils__';
import { demoCapacity, demoWorkspace, page } from '../../testing/fixtures';
import { WorkspaceCapacityCard } from './WorkspaceCapacityCard';

describe('WorkspaceCapacityCard', () => {
  it('shows each workspace with its capacity and a link to it', async () => {
    const api = createMockMlApi({
      listWorkspaces: page([demoWorkspace]),
      getWorkspaceCapacity: demoCapacity,
    });

    await renderWithMlApi(<WorkspaceCapacityCard />, { api });

    expect(
      await screen.findByText('1.5 vCPU / 4 vCPU (12 vCPU)'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Demo workspace' }),
    ).toHaveAttribute('href', '/ml/workspaces/demo');
    expect(screen.getByText(/what autoscaling can reach/)).toBeInTheDocument();
  });
});
