import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { PropsWithChildren } from 'react';
import { SIGNALLED_INTERVAL_MS, usePolledAsync } from './usePolledAsync';

/** A signal API whose channels the test publishes to by hand. */
function fakeSignals() {
  const subscribers = new Map<string, Set<(message: any) => void>>();
  const api = {
    subscribe(channel: string, onMessage: (message: any) => void) {
      const set = subscribers.get(channel) ?? new Set();
      subscribers.set(channel, set);
      set.add(onMessage);
      return { unsubscribe: () => set.delete(onMessage) };
    },
  };
  const publish = (channel: string, message: object) =>
    subscribers.get(channel)?.forEach(onMessage => onMessage(message));
  const wrapper = ({ children }: PropsWithChildren) => (
    <TestApiProvider apis={[[signalApiRef, api]]}>{children}</TestApiProvider>
  );
  return { publish, wrapper, subscribers };
}

describe('usePolledAsync', () => {
  afterEach(() => jest.useRealTimers());

  it('polls while the value is live and stops once it is not', async () => {
    jest.useFakeTimers();
    const states = ['queued', 'running', 'succeeded'];
    let call = 0;
    const load = jest.fn(
      async () => states[Math.min(call++, states.length - 1)],
    );
    const { result } = renderHook(() =>
      usePolledAsync(load, [], state => state !== 'succeeded', {
        intervalMs: 1000,
      }),
    );

    await waitFor(() => expect(result.current.value).toBe('queued'));
    for (const expected of ['running', 'succeeded']) {
      await act(async () => {
        jest.advanceTimersByTime(1000);
      });
      await waitFor(() => expect(result.current.value).toBe(expected));
    }
    await act(async () => {
      jest.advanceTimersByTime(5000);
    });
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('keeps the last value through a failed refresh', async () => {
    jest.useFakeTimers();
    const load = jest
      .fn<Promise<string>, []>()
      .mockResolvedValueOnce('running')
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue('running');
    const { result } = renderHook(() =>
      usePolledAsync(load, [], () => true, { intervalMs: 1000 }),
    );

    await waitFor(() => expect(result.current.value).toBe('running'));
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    await waitFor(() => expect(result.current.error?.message).toBe('offline'));
    expect(result.current.value).toBe('running');
    // And polling goes on, so the page recovers by itself.
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    await waitFor(() => expect(result.current.error).toBeUndefined());
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('reloads on a signal of its channel, and then polls only as a fallback', async () => {
    jest.useFakeTimers();
    const signals = fakeSignals();
    let state = 'running';
    const load = jest.fn(async () => state);
    const { result } = renderHook(
      () =>
        usePolledAsync(load, [], () => true, {
          intervalMs: 1000,
          channel: 'ml:project:p1',
        }),
      { wrapper: signals.wrapper },
    );
    await waitFor(() => expect(result.current.value).toBe('running'));
    await act(async () => {
      jest.advanceTimersByTime(5000);
    });
    expect(load).toHaveBeenCalledTimes(1);

    state = 'succeeded';
    await act(async () => {
      signals.publish('ml:project:other', { change: 'workload' });
      jest.advanceTimersByTime(1000);
    });
    expect(load).toHaveBeenCalledTimes(1);
    await act(async () => {
      signals.publish('ml:project:p1', { change: 'workload' });
      jest.advanceTimersByTime(1000);
    });
    await waitFor(() => expect(result.current.value).toBe('succeeded'));
    expect(load).toHaveBeenCalledTimes(2);

    await act(async () => {
      jest.advanceTimersByTime(SIGNALLED_INTERVAL_MS);
    });
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('makes one reload of signals that come together', async () => {
    jest.useFakeTimers();
    const signals = fakeSignals();
    const load = jest.fn(async () => 'done');
    const { result } = renderHook(
      () => usePolledAsync(load, [], () => false, { channel: 'ml:project:p1' }),
      { wrapper: signals.wrapper },
    );
    await waitFor(() => expect(result.current.value).toBe('done'));
    for (const change of ['workload', 'deployment']) {
      await act(async () => {
        signals.publish('ml:project:p1', { change });
      });
      await act(async () => {
        jest.advanceTimersByTime(50);
      });
    }
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('polls at its own pace without a signal API', async () => {
    jest.useFakeTimers();
    const load = jest.fn(async () => 'running');
    const { result } = renderHook(() =>
      usePolledAsync(load, [], () => true, {
        intervalMs: 1000,
        channel: 'ml:project:p1',
      }),
    );
    await waitFor(() => expect(result.current.value).toBe('running'));
    for (const calls of [1, 2, 3]) {
      await waitFor(() => expect(load).toHaveBeenCalledTimes(calls));
      await act(async () => {
        jest.advanceTimersByTime(1000);
      });
    }
    await waitFor(() => expect(load).toHaveBeenCalledTimes(4));
  });
});
