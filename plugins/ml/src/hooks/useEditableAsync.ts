import { DependencyList, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';

export interface EditableAsyncState<T> {
  /** The saved value while its key matches, else the loaded one. */
  value?: T;
  loading: boolean;
  error?: Error;
  /** Records what a save returned, so the page shows it without reloading. */
  setSaved: (value: T) => void;
}

/**
 * Loads a value that the page itself edits. A save hands back the new value;
 * keeping it (rather than reloading) avoids unmounting tabs and losing their
 * state. The saved value is only used while `keyOf(saved)` equals `key`, so
 * navigating to another item shows that item's loaded value.
 */
export function useEditableAsync<T>(
  fn: () => Promise<T>,
  deps: DependencyList,
  key: string,
  keyOf: (value: T) => string,
): EditableAsyncState<T> {
  const { value, loading, error } = useAsync(fn, deps);
  const [saved, setSaved] = useState<T>();
  return {
    value: saved !== undefined && keyOf(saved) === key ? saved : value,
    loading,
    error,
    setSaved,
  };
}
