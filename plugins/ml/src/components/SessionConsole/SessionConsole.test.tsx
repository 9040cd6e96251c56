import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MlExecuteEvent, mlApiRef } from '../../api';
import {
  createMockMlApi,
  responseError,
  streamOf,
} from '../../testing/mockMlApi';
import { SessionConsole } from './SessionConsole';

function renderConsole(
  api: ReturnType<typeof createMockMlApi>,
  running = true,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[mlApiRef, api]]}>
      <SessionConsole projectId="p-1" sessionId="s-1" running={running} />
    </TestApiProvider>,
  );
}

describe('SessionConsole', () => {
  it('shows output while the code still runs, stderr apart, then the next cell', async () => {
    const api = createMockMlApi();
    let finish!: () => void;
    const finished = new Promise<void>(resolve => {
      finish = resolve;
    });
    api.executeSession.mockImplementationOnce(async function* stream() {
      yield { stream: 'stdout', text: 'epoch 1\n' } as MlExecuteEvent;
      yield { stream: 'stderr', text: 'slow disk\n' } as MlExecuteEvent;
      await finished;
      yield { stream: 'stdout', text: 'epoch 2\n' } as MlExecuteEvent;
      yield { done: true, error: null } as MlExecuteEvent;
    });
    await renderConsole(api);

    const input = screen.getByLabelText('Console input');
    await userEvent.type(input, 'train()');
    await userEvent.keyboard('{Enter}');

    const output = screen.getByRole('log', { name: 'Console output' });
    expect(await within(output).findByText('epoch 1')).toBeInTheDocument();
    expect(within(output).getByText('slow disk')).toHaveAttribute(
      'data-stream',
      'stderr',
    );
    expect(within(output).getByText('Running…')).toBeInTheDocument();
    expect(within(output).queryByText(/epoch 2/)).not.toBeInTheDocument();
    expect(api.executeSession).toHaveBeenCalledWith('p-1', 's-1', 'train()', {
      signal: expect.any(AbortSignal),
    });
    expect(input).toHaveValue('');

    finish();
    expect(await within(output).findByText(/epoch 2/)).toBeInTheDocument();
    await waitFor(() =>
      expect(within(output).queryByText('Running…')).not.toBeInTheDocument(),
    );
    expect(within(output).getByText('train()')).toBeInTheDocument();
  });

  it('shows the exception with its traceback', async () => {
    const api = createMockMlApi();
    api.executeSession.mockReturnValue(
      streamOf<MlExecuteEvent>({
        done: true,
        error: {
          name: 'ZeroDivisionError',
          message: 'division by zero',
          traceback:
            'Traceback (most recent call last):\n  File "<cell 1>", line 1\n',
        },
      }),
    );
    await renderConsole(api);

    await userEvent.type(screen.getByLabelText('Console input'), '1/0{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('ZeroDivisionError: division by zero');
    expect(alert).toHaveTextContent('File "<cell 1>", line 1');
  });

  it('keeps Shift+Enter for new lines and reports a refused request', async () => {
    const api = createMockMlApi();
    const refusal = await responseError(409, 'Session is stopped');
    api.executeSession.mockImplementation(async function* refused() {
      yield* [] as MlExecuteEvent[];
      throw refusal;
    });
    await renderConsole(api);

    const input = screen.getByLabelText('Console input');
    await userEvent.type(input, 'a = 1{Shift>}{Enter}{/Shift}b = 2');
    expect(input).toHaveValue('a = 1\nb = 2');
    expect(api.executeSession).not.toHaveBeenCalled();

    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Session is stopped',
    );
    expect(api.executeSession).toHaveBeenCalledWith(
      'p-1',
      's-1',
      'a = 1\nb = 2',
      expect.anything(),
    );
  });

  it('disables the input unless the session runs', async () => {
    const api = createMockMlApi();
    await renderConsole(api, false);
    expect(screen.getByLabelText('Console input')).toBeDisabled();
    expect(
      screen.getByText('The console works while the session is running.'),
    ).toBeInTheDocument();
  });
});
