import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  TestProjectRole,
  createMockMlApi,
  renderWithMlApi,
  streamOf,
} from '../../__testUtils__';
import { churnProject, page, runningSession } from '../../testing/fixtures';
import { SessionPage } from './SessionPage';

function renderPage(
  api: ReturnType<typeof createMockMlApi>,
  role?: TestProjectRole,
) {
  api.listRuntimes.mockResolvedValue(page([]));
  return renderWithMlApi(
    <SessionPage project={churnProject} sessionId={runningSession.id} />,
    { api, projectRole: role },
  );
}

describe('SessionPage', () => {
  it('says where a queued session waits and why, with the console off', async () => {
    const api = createMockMlApi({
      getSession: {
        ...runningSession,
        state: 'queued',
        queuePosition: 2,
        reason: 'team x uses 6 of 8 vCPU; this needs 4',
        startedAt: undefined,
      },
    });
    await renderPage(api);

    expect(
      await screen.findByText(
        'Waiting in the queue at position 2: team x uses 6 of 8 vCPU; this needs 4',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Console input')).toBeDisabled();
    expect(
      screen.getByText('No logs yet: it is waiting in the queue.'),
    ).toBeInTheDocument();
    expect(api.followWorkloadLogs).not.toHaveBeenCalled();
  });

  it('follows the logs of a running session and stops it', async () => {
    const api = createMockMlApi();
    api.getSession.mockResolvedValueOnce(runningSession).mockResolvedValue({
      ...runningSession,
      state: 'stopped',
      reason: 'stopped by a user',
    });
    api.followWorkloadLogs.mockReturnValue(streamOf('kernel ready'));
    api.getWorkloadLogs.mockResolvedValue(['kernel ready']);
    api.stopSession.mockResolvedValue({ ...runningSession, state: 'stopped' });
    await renderPage(api);

    const input = await screen.findByLabelText('Console input');
    await waitFor(() => expect(input).toBeEnabled());
    await waitFor(() =>
      expect(api.followWorkloadLogs).toHaveBeenCalledWith(runningSession.id, {
        attempt: 1,
        signal: expect.any(AbortSignal),
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));

    expect(api.stopSession).toHaveBeenCalledWith(
      churnProject.id,
      runningSession.id,
    );
    expect(await screen.findByText('stopped by a user')).toBeInTheDocument();
    expect(screen.getByLabelText('Console input')).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Stop' }),
    ).not.toBeInTheDocument();
  });

  it('shows a running session to a viewer without Stop or the console', async () => {
    const api = createMockMlApi({ getSession: runningSession });
    api.followWorkloadLogs.mockReturnValue(streamOf('kernel ready'));
    await renderPage(api, 'viewer');

    expect(
      await screen.findByText(/needs the contributor role on this project/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeDisabled();
    expect(screen.getByLabelText('Console input')).toBeDisabled();
    // Reading stays: the logs are followed.
    await waitFor(() => expect(api.followWorkloadLogs).toHaveBeenCalled());
  });
});
