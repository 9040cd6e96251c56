import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { mlApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  createMockMlApi,
  demoCapacity,
  demoWorkspace,
} from '../../testing/mockMlApi';
import { WorkspaceCard } from './WorkspaceCard';

describe('WorkspaceCard', () => {
  it('shows the capacity and links to the workspace page', async () => {
    const api = createMockMlApi();
    api.getWorkspaceCapacity.mockResolvedValue(demoCapacity);

    await renderInTestApp(
      <TestApiProvider apis={[[mlApiRef, api]]}>
        <WorkspaceCard workspace={demoWorkspace} />
      </TestApiProvider>,
      { mountedRoutes: { '/ml': rootRouteRef } },
    );

    expect(
      await screen.findByText('1.5 vCPU / 4 vCPU (12 vCPU)'),
    ).toBeInTheDocument();
    expect(api.getWorkspaceCapacity).toHaveBeenCalledWith('demo');
    expect(screen.getByText('Demo workspace')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /manage workspace/i }),
    ).toHaveAttribute('href', '/ml/workspaces/demo');
  });
});
