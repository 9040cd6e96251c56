import { screen } from '@testing-library/react';
import { createMockMlApi, renderWithMlApi } from '../../__testUtils__';
import { demoCapacity, demoWorkspace } from '../../testing/fixtures';
import { WorkspaceCard } from './WorkspaceCard';

describe('WorkspaceCard', () => {
  it('shows the capacity and links to the workspace page', async () => {
    const api = createMockMlApi({ getWorkspaceCapacity: demoCapacity });

    await renderWithMlApi(<WorkspaceCard workspace={demoWorkspace} />, { api });

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
