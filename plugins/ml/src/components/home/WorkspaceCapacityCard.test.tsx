import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { mlApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  createMockMlApi,
  demoCapacity,
  demoWorkspace,
  page,
} from '../../testing/mockMlApi';
import { WorkspaceCapacityCard } from './WorkspaceCapacityCard';

describe('WorkspaceCapacityCard', () => {
  it('shows each workspace with its capacity and a link to it', async () => {
    const api = createMockMlApi();
    api.listWorkspaces.mockResolvedValue(page([demoWorkspace]));
    api.getWorkspaceCapacity.mockResolvedValue(demoCapacity);

    await renderInTestApp(
      <TestApiProvider apis={[[mlApiRef, api]]}>
        <WorkspaceCapacityCard />
      </TestApiProvider>,
      { mountedRoutes: { '/ml': rootRouteRef } },
    );

    expect(
      await screen.findByText('1.5 vCPU / 4 vCPU (12 vCPU)'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Demo workspace' }),
    ).toHaveAttribute('href', '/ml/workspaces/demo');
    expect(screen.getByText(/what autoscaling can reach/)).toBeInTheDocument();
  });
});
