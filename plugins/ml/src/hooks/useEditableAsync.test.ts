import { act, renderHook, waitFor } from '@testing-library/react';
import { useEditableAsync } from './useEditableAsync';

interface Item {
  id: string;
  title: string;
}

describe('useEditableAsync', () => {
  it('shows the loaded value, then a saved one with the same key', async () => {
    const load = jest.fn(async () => ({ id: 'a', title: 'loaded' }));
    const { result } = renderHook(() =>
      useEditableAsync<Item>(load, [], 'a', i => i.id),
    );
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.value?.title).toBe('loaded'));

    act(() => result.current.setSaved({ id: 'a', title: 'saved' }));
    expect(result.current.value?.title).toBe('saved');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('ignores a saved value that belongs to another key', async () => {
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) =>
        useEditableAsync<Item>(
          async () => ({ id, title: `loaded ${id}` }),
          [id],
          id,
          i => i.id,
        ),
      { initialProps: { id: 'a' } },
    );
    await waitFor(() => expect(result.current.value?.title).toBe('loaded a'));
    act(() => result.current.setSaved({ id: 'a', title: 'saved a' }));

    rerender({ id: 'b' });
    await waitFor(() => expect(result.current.value?.title).toBe('loaded b'));
  });

  it('reports a failed load', async () => {
    const { result } = renderHook(() =>
      useEditableAsync<Item>(
        () => Promise.reject(new Error('offline')),
        [],
        'a',
        i => i.id,
      ),
    );
    await waitFor(() => expect(result.current.error?.message).toBe('offline'));
    expect(result.current.value).toBeUndefined();
  });
});
