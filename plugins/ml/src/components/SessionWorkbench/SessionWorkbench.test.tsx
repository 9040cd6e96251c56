import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MlExecuteEvent, mlApiRef } from '../../api';
import { createMockMlApi, streamOf } from '../../testing/mockMlApi';
import { WithProjectRole } from '../../__testUtils__/permissions';
import { SessionWorkbench } from './SessionWorkbench';
import {
  churnProject,
  fileEntry,
  runningSession,
} from '../../testing/fixtures';

const TRAIN = 'print("trained")\n';

async function renderWorkbench(
  state: 'running' | 'stopped' = 'running',
  api = createMockMlApi(),
) {
  api.listFiles.mockResolvedValue([fileEntry('train.py')]);
  api.readFile.mockResolvedValue(TRAIN);
  api.executeSession.mockImplementation(() =>
    streamOf<MlExecuteEvent>(
      { stream: 'stdout', text: 'trained\n' },
      { done: true, error: null },
    ),
  );
  await renderInTestApp(
    <TestApiProvider apis={[[mlApiRef, api]]}>
      <WithProjectRole>
        <SessionWorkbench
          project={churnProject}
          session={{ ...runningSession, state }}
        />
      </WithProjectRole>
    </TestApiProvider>,
  );
  return api;
}

describe('SessionWorkbench', () => {
  it('opens a file beside the console and runs it there', async () => {
    const api = await renderWorkbench();

    expect(
      screen.getByRole('separator', {
        name: 'Resize the files and the console',
      }),
    ).toBeInTheDocument();
    await userEvent.click(await screen.findByText('train.py'));
    const runFile = await screen.findByRole('button', { name: 'Run file' });
    await waitFor(() => expect(runFile).toBeEnabled());
    // Nothing is selected in the editor yet.
    expect(
      screen.getByRole('button', { name: 'Run selection' }),
    ).toBeDisabled();
    await userEvent.click(runFile);

    await waitFor(() =>
      expect(api.executeSession).toHaveBeenCalledWith(
        churnProject.id,
        runningSession.id,
        TRAIN,
        expect.anything(),
      ),
    );
    const output = screen.getByRole('log', { name: 'Console output' });
    expect(await within(output).findByText('trained')).toBeInTheDocument();
  });

  it('shows what ran before when someone comes back, from the kept transcript', async () => {
    const api = createMockMlApi();
    api.getSessionTranscript.mockResolvedValue([
      {
        id: 7,
        code: TRAIN,
        output: [{ stream: 'stdout', text: 'trained\n' }],
        truncated: false,
        startedAt: '2026-01-12T10:00:00.000Z',
        endedAt: '2026-01-12T10:00:01.000Z',
      },
      {
        id: 8,
        code: '1/0',
        output: [],
        error: {
          name: 'ZeroDivisionError',
          message: 'division by zero',
          traceback: '',
        },
        truncated: true,
        startedAt: '2026-01-12T10:00:02.000Z',
        endedAt: '2026-01-12T10:00:03.000Z',
      },
    ]);
    await renderWorkbench('running', api);

    const output = screen.getByRole('log', { name: 'Console output' });
    expect(await within(output).findByText('trained')).toBeInTheDocument();
    expect(within(output).getByText('In [2]:')).toBeInTheDocument();
    expect(
      within(output).getByText('ZeroDivisionError: division by zero'),
    ).toBeInTheDocument();
    expect(
      within(output).getByText('Later output was not kept'),
    ).toBeInTheDocument();
    expect(api.getSessionTranscript).toHaveBeenCalledWith(
      churnProject.id,
      runningSession.id,
    );
    // What runs now is numbered after what was kept.
    await userEvent.click(await screen.findByText('train.py'));
    const runFile = await screen.findByRole('button', { name: 'Run file' });
    await waitFor(() => expect(runFile).toBeEnabled());
    await userEvent.click(runFile);
    expect(await within(output).findByText('In [3]:')).toBeInTheDocument();
  });

  it('does not run files in a session that is not running', async () => {
    await renderWorkbench('stopped');

    await userEvent.click(await screen.findByText('train.py'));
    expect(
      await screen.findByRole('button', { name: 'Run file' }),
    ).toBeDisabled();
  });
});
