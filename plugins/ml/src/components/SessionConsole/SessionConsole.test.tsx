import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MlExecuteEvent } from '../../api';
import { needsRole } from '../../hooks/useProjectAccess';
import {
  TestProjectRole,
  createMockMlApi,
  renderWithMlApi,
  responseError,
  streamOf,
} from '../../__testUtils__';
import { SessionConsole } from './SessionConsole';

async function renderConsole(
  api: ReturnType<typeof createMockMlApi>,
  running = true,
  role?: TestProjectRole,
) {
  await renderWithMlApi(
    <SessionConsole projectId="p-1" sessionId="s-1" running={running} />,
    { api, projectRole: role },
  );
}

/** The input, once the contributor role is known. */
async function enabledInput() {
  const input = screen.getByLabelText('Console input');
  await waitFor(() => expect(input).toBeEnabled());
  return input;
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

    const input = await enabledInput();
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

    await userEvent.type(await enabledInput(), '1/0{Enter}');

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

    const input = await enabledInput();
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

  it('keeps the console off for someone who may not run code', async () => {
    const api = createMockMlApi();
    await renderConsole(api, true, 'operator');

    expect(
      await screen.findByText(
        'Running code in the session needs the contributor role on this project.',
      ),
    ).toBeInTheDocument();
    const input = screen.getByLabelText('Console input');
    expect(input).toBeDisabled();
    expect(input).toHaveAttribute('placeholder', 'Needs the contributor role');
    expect(screen.getByRole('button', { name: 'Run' })).toBeDisabled();
    expect(screen.getByTitle(needsRole('contributor'))).toBeInTheDocument();
    expect(api.executeSession).not.toHaveBeenCalled();
  });

  it('keeps the console off while the role is checked', async () => {
    const api = createMockMlApi();
    await renderWithMlApi(
      <SessionConsole projectId="p-1" sessionId="s-1" running />,
      { api, pending: true },
    );
    expect(screen.getByLabelText('Console input')).toBeDisabled();
    expect(
      screen.getByText('Output of the code you run appears here.'),
    ).toBeInTheDocument();
  });
});
