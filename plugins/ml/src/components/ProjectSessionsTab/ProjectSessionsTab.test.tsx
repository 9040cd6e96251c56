import { screen } from '@testing-library/react';
import {
  createMockMlApi,
  renderWithMlApi,
  streamOf,
} from '../../__testUtils__';
import { churnProject, page, runningSession } from '../../testing/fixtures';
import { ProjectSessionsTab } from './ProjectSessionsTab';

function renderAt(path: string, api: ReturnType<typeof createMockMlApi>) {
  api.listRuntimes.mockResolvedValue(page([]));
  return renderWithMlApi(<ProjectSessionsTab project={churnProject} />, {
    path: '/ml/projects/:projectId/sessions/*',
    api,
    routeEntries: [path],
  });
}

describe('ProjectSessionsTab', () => {
  it('shows the list at its root', async () => {
    const api = createMockMlApi({ listSessions: page([]) });
    await renderAt(`/ml/projects/${churnProject.id}/sessions`, api);
    expect(await screen.findByText(/No sessions yet/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'New session' }),
    ).toBeInTheDocument();
  });

  it('shows one session below it', async () => {
    const api = createMockMlApi({ getSession: runningSession });
    api.followWorkloadLogs.mockReturnValue(streamOf<string>());
    await renderAt(
      `/ml/projects/${churnProject.id}/sessions/${runningSession.id}`,
      api,
    );
    expect(await screen.findByText('Exploration')).toBeInTheDocument();
    expect(api.getSession).toHaveBeenCalledWith(
      churnProject.id,
      runningSession.id,
    );
    expect(screen.getByLabelText('Console input')).toBeInTheDocument();
  });
});
