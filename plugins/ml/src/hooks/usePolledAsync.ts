import { useSignal } from '@backstage/plugin-signals-react';
import { DependencyList, useEffect, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';

/** How often pages refresh things that are changing (CML polls about as often). */
export const LIVE_INTERVAL_MS = 2500;

/**
 * How often a page that hears signals still polls what is changing: only in
 * case a signal is lost (the connection was down for a moment).
 */
export const SIGNALLED_INTERVAL_MS = 15_000;

/** Signals that come this close together make one reload. */
const SIGNAL_COALESCE_MS = 150;

export interface PolledAsyncOptions {
  /** How often to reload while the value is live and no signals are heard. */
  intervalMs?: number;
  /**
   * The signal channel that tells of changes to the value (e.g.
   * `mlProjectChannel(projectId)`): each signal reloads it at once, and
   * polling slows to a fallback.
   */
  channel?: string;
}

export interface PolledAsyncState<T> {
  /** The latest value; kept through a failed refresh so the page stays up. */
  value?: T;
  loading: boolean;
  error?: Error;
  retry: () => void;
}

/**
 * Loads a value and keeps it fresh for as long as `isLive` says it can
 * still change (a queued or running workload): on each signal of its
 * channel, else by polling every few seconds.
 */
export function usePolledAsync<T>(
  fn: () => Promise<T>,
  deps: DependencyList,
  isLive: (value: T) => boolean,
  options: PolledAsyncOptions = {},
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
  const signalled = useReloadOnSignal(options.channel, state.retry);
  const intervalMs = signalled
    ? SIGNALLED_INTERVAL_MS
    : options.intervalMs ?? LIVE_INTERVAL_MS;
  // A failed refresh keeps polling: the next one may work again.
  useInterval(state.retry, live ? intervalMs : null);
  return {
    value,
    loading: state.loading,
    error: state.error,
    retry: state.retry,
  };
}

/**
 * Reloads on each signal of the channel, even once the value looked final
 * (someone started a new run). Returns whether signals are heard at all.
 */
function useReloadOnSignal(
  channel: string | undefined,
  reload: () => void,
): boolean {
  // useSignal needs a channel; an unused one costs one idle subscription.
  const { lastSignal, isSignalsAvailable } = useSignal(channel ?? 'ml:none');
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    if (!channel || !lastSignal) return undefined;
    const timer = setTimeout(() => reloadRef.current(), SIGNAL_COALESCE_MS);
    return () => clearTimeout(timer);
  }, [channel, lastSignal]);
  return Boolean(channel) && isSignalsAvailable;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
