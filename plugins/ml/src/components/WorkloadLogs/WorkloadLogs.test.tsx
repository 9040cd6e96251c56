import { screen, waitFor } from '@testing-library/react';
import {
  createMockMlApi,
  renderWithMlApi,
  responseError,
  streamOf,
} from '../../__testUtils__';
import { trainRun } from '../../testing/fixtures';
import { WorkloadLogs } from './WorkloadLogs';

jest.mock('react-virtualized-auto-sizer', () =>
  jest.requireActual('../../__testUtils__/fixedSizeAutoSizer'),
);

function renderLogs(
  api: ReturnType<typeof createMockMlApi>,
  workload: { id: string; state: typeof trainRun.state; attempt: number },
) {
  return renderWithMlApi(<WorkloadLogs workload={workload} />, { api });
}

describe('WorkloadLogs', () => {
  it('follows a running workload', async () => {
    const api = createMockMlApi();
    api.followWorkloadLogs.mockReturnValue(streamOf('epoch 1', 'epoch 2'));
    await renderLogs(api, { id: 'w-1', state: 'running', attempt: 1 });

    expect(await screen.findByText('epoch 2')).toBeInTheDocument();
    expect(screen.getByText('epoch 1')).toBeInTheDocument();
    expect(api.getWorkloadLogs).not.toHaveBeenCalled();
  });

  it('tells the page when the live log ends, so it reloads the state', async () => {
    const api = createMockMlApi();
    api.followWorkloadLogs.mockReturnValue(streamOf('done: accuracy 0.91'));
    const onEnded = jest.fn();
    await renderWithMlApi(
      <WorkloadLogs
        workload={{ id: 'w-1', state: 'running', attempt: 1 }}
        onEnded={onEnded}
      />,
      { api },
    );
    expect(await screen.findByText('done: accuracy 0.91')).toBeInTheDocument();
    await waitFor(() => expect(onEnded).toHaveBeenCalledTimes(1));
  });

  it('reads the stored lines of an ended workload', async () => {
    const api = createMockMlApi({ getWorkloadLogs: ['slope=3.001', 'done'] });
    await renderLogs(api, trainRun);

    expect(await screen.findByText('slope=3.001')).toBeInTheDocument();
    expect(api.getWorkloadLogs).toHaveBeenCalledWith(trainRun.id, {
      attempt: 1,
      signal: expect.any(AbortSignal),
    });
    expect(api.followWorkloadLogs).not.toHaveBeenCalled();
  });

  it('says so when a stopped workload never wrote a log', async () => {
    const api = createMockMlApi();
    api.getWorkloadLogs.mockRejectedValue(
      await responseError(404, 'No logs', 'NotFoundError'),
    );
    await renderLogs(api, { id: 'w-2', state: 'stopped', attempt: 1 });

    expect(await screen.findByText('No output.')).toBeInTheDocument();
  });

  it('lets you read an earlier attempt of a retried run', async () => {
    const api = createMockMlApi({ getWorkloadLogs: ['attempt output'] });
    await renderLogs(api, { id: 'w-3', state: 'failed', attempt: 2 });

    await waitFor(() =>
      expect(api.getWorkloadLogs).toHaveBeenCalledWith('w-3', {
        attempt: 2,
        signal: expect.any(AbortSignal),
      }),
    );
    expect(screen.getByLabelText('Attempt')).toBeInTheDocument();
  });

  it('follows again when the stream is cut off while the workload runs', async () => {
    const api = createMockMlApi();
    api.followWorkloadLogs
      .mockImplementationOnce(async function* cut() {
        yield 'epoch 1';
        throw new Error('The log stream was cut off');
      })
      .mockReturnValue(streamOf('epoch 1', 'epoch 2'));
    await renderLogs(api, { id: 'w-4', state: 'running', attempt: 1 });

    expect(
      await screen.findByText(
        /Reconnecting to the log: The log stream was cut off/,
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('epoch 2', undefined, { timeout: 4000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(api.followWorkloadLogs).toHaveBeenCalledTimes(2);
  });
});
