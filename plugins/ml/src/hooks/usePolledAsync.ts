import { DependencyList, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';

/** How often pages refresh things that are changing (CML polls about as often). */
export const LIVE_INTERVAL_MS = 2500;

export interface PolledAsyncState<T> {
  /** The latest value; kept through a failed refresh so the page stays up. */
  value?: T;
  loading: boolean;
  error?: Error;
  retry: () => void;
}

/**
 * Loads a value and reloads it every few seconds for as long as `isLive`
 * says it can still change (a queued or running workload), then stops.
 */
export function usePolledAsync<T>(
  fn: () => Promise<T>,
  deps: DependencyList,
  isLive: (value: T) => boolean,
  intervalMs: number = LIVE_INTERVAL_MS,
): PolledAsyncState<T> {
  const state = useAsyncRetry(fn, deps);
  const last = useRef<{ deps: DependencyList; value: T }>();
  if (state.value !== undefined) {
    last.current = { deps, value: state.value };
  }
  // A refresh that failed drops the value in react-use; keep the last one
  // unless it belongs to other inputs (another project, another run).
  const kept =
    last.current && sameDeps(last.current.deps, deps)
      ? last.current.value
      : undefined;
  const value = state.value ?? kept;
  const live = value !== undefined && isLive(value);
  // A failed refresh keeps polling: the next one may work again.
  useInterval(state.retry, live ? intervalMs : null);
  return {
    value,
    loading: state.loading,
    error: state.error,
    retry: state.retry,
  };
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
