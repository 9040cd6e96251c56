import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { needsRole } from '../../hooks/useProjectAccess';
import {
  TestProjectRole,
  createMockMlApi,
  renderAsRole,
  renderWithMlApi,
} from '../../__testUtils__';
import {
  churnProject,
  page,
  pythonRuntime,
  runningSession,
} from '../../testing/fixtures';
import { SessionsList } from './SessionsList';

const queuedSession = {
  ...runningSession,
  id: '1e2d3c4b-5a69-4788-97a6-b5c4d3e2f100',
  name: 'Big one',
  state: 'queued' as const,
  queuePosition: 2,
  startedAt: undefined,
};

describe('SessionsList', () => {
  it('lists sessions with their state, runtime and a link to each', async () => {
    const api = createMockMlApi({
      listSessions: page([runningSession, queuedSession]),
      listRuntimes: page([pythonRuntime]),
    });
    await renderWithMlApi(<SessionsList project={churnProject} />, { api });

    const link = await screen.findByRole('link', { name: 'Exploration' });
    expect(link).toHaveAttribute(
      'href',
      `/ml/projects/churn-${churnProject.id}/sessions/${runningSession.id}`,
    );
    expect(screen.getByText('Running')).toBeInTheDocument();
    expect(screen.getByText('Queued · position 2')).toBeInTheDocument();
    expect(
      await screen.findAllByText('Workbench Python 3.11 Standard 2026.01.2'),
    ).toHaveLength(2);
  });

  it('stops a session', async () => {
    const api = createMockMlApi();
    // Running until the stop arrives, however often the list polls meanwhile.
    let stopped = false;
    api.listSessions.mockImplementation(async () =>
      page([{ ...runningSession, state: stopped ? 'stopped' : 'running' }]),
    );
    api.listRuntimes.mockResolvedValue(page([]));
    api.stopSession.mockImplementation(async () => {
      stopped = true;
      return { ...runningSession, state: 'stopped' };
    });
    await renderWithMlApi(<SessionsList project={churnProject} />, { api });

    const stopButton = await screen.findByRole('button', {
      name: 'Stop session Exploration',
    });
    await waitFor(() => expect(stopButton).toBeEnabled());
    await userEvent.click(stopButton);

    expect(api.stopSession).toHaveBeenCalledWith(
      churnProject.id,
      runningSession.id,
    );
    expect(await screen.findByText('Stopped')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Stop session Exploration' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('lets an operator see the sessions but not start or stop them', async () => {
    const api = createMockMlApi({
      listSessions: page([runningSession]),
      listRuntimes: page([]),
    });
    await renderList(api, 'operator');

    expect(
      await screen.findByRole('link', { name: 'Exploration' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByTitle(needsRole('contributor'))).toHaveLength(2),
    );
    expect(screen.getByRole('button', { name: 'New session' })).toBeDisabled();
    expect(
      screen.getByRole('button', { name: 'Stop session Exploration' }),
    ).toBeDisabled();
  });
});

function renderList(
  api: ReturnType<typeof createMockMlApi>,
  role?: TestProjectRole,
) {
  return renderAsRole(<SessionsList project={churnProject} />, api, role);
}
