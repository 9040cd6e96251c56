import { useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { mlApiRef } from '../api';

/**
 * Where a workload's logs come from: nothing yet while it waits in the queue,
 * the live stream while it starts and runs, the stored lines once it ended.
 */
export type LogPhase = 'waiting' | 'live' | 'ended';

export interface WorkloadLogsState {
  lines: string[];
  /** True while new lines can still arrive. */
  following: boolean;
  loading: boolean;
  error?: Error;
}

/** Lines are shown in batches; a chatty job would otherwise re-render per line. */
const FLUSH_MS = 100;
/** Following again after a failure waits longer each time, up to a cap. */
const RETRY_MS = 1500;
const MAX_RETRY_MS = 10_000;

function isNotFound(error: unknown) {
  return error instanceof ResponseError && error.statusCode === 404;
}

/**
 * A workload attempt's log lines, followed live while it runs. `onEnded`
 * hears when the live stream ends: the workload has ended too, and the page
 * can reload its state instead of showing "running" under the last line.
 */
export function useWorkloadLogs(
  workloadId: string,
  attempt: number,
  phase: LogPhase,
  onEnded?: () => void,
): WorkloadLogsState {
  const api = useApi(mlApiRef);
  const onEndedRef = useRef(onEnded);
  onEndedRef.current = onEnded;
  const [state, setState] = useState<WorkloadLogsState>({
    lines: [],
    following: false,
    loading: phase !== 'waiting',
  });

  useEffect(() => {
    if (phase === 'waiting') {
      setState({ lines: [], following: false, loading: false });
      return undefined;
    }
    const controller = new AbortController();
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    if (phase === 'ended') {
      // Keep the followed lines on screen until the stored ones arrive.
      setState(prev => ({ ...prev, following: false, loading: true }));
      api
        .getWorkloadLogs(workloadId, { attempt, signal: controller.signal })
        .then(
          lines => {
            if (!cancelled)
              setState({ lines, following: false, loading: false });
          },
          error => {
            if (cancelled) return;
            // A workload stopped while queued never wrote a log.
            setState(
              isNotFound(error)
                ? { lines: [], following: false, loading: false }
                : { lines: [], following: false, loading: false, error },
            );
          },
        );
    } else {
      let collected: string[] = [];
      const flushLater = () => {
        timer ??= setTimeout(() => {
          timer = undefined;
          const lines = [...collected];
          if (!cancelled) setState(prev => ({ ...prev, lines }));
        }, FLUSH_MS);
      };
      // Each try reads the log from its start, so the lines of an earlier,
      // interrupted try stay on screen until the new ones replace them.
      const followOnce = async (): Promise<void> => {
        collected = [];
        for await (const line of api.followWorkloadLogs(workloadId, {
          attempt,
          signal: controller.signal,
        })) {
          collected.push(line);
          flushLater();
          setState(prev => (prev.error ? { ...prev, error: undefined } : prev));
        }
      };
      const follow = async () => {
        setState({ lines: [], following: true, loading: false });
        for (let tries = 1; !cancelled; tries++) {
          try {
            await followOnce();
            // The stream ends with the workload; its new state then moves
            // the phase to 'ended', which reads the stored lines.
            if (!cancelled) {
              setState({ lines: collected, following: false, loading: false });
              onEndedRef.current?.();
            }
            return;
          } catch (error) {
            if (cancelled) return;
            // Not there yet (the log appears a moment after the start), or
            // the connection dropped: try again while the workload is live.
            if (!isNotFound(error)) {
              setState(prev => ({ ...prev, error: error as Error }));
            }
            await new Promise(resolve =>
              setTimeout(resolve, Math.min(RETRY_MS * tries, MAX_RETRY_MS)),
            );
          }
        }
      };
      follow();
    }
    return () => {
      cancelled = true;
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [api, workloadId, attempt, phase]);

  return state;
}
