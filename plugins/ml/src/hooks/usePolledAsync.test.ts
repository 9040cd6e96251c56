import { act, renderHook, waitFor } from '@testing-library/react';
import { usePolledAsync } from './usePolledAsync';

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
      usePolledAsync(load, [], state => state !== 'succeeded', 1000),
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
      usePolledAsync(load, [], () => true, 1000),
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
});
