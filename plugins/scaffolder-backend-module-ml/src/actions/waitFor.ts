/** What a poll reports: done with a value, failed with a reason, or not yet. */
export type PollResult<T> =
  | { done: true; value: T }
  | { failed: string }
  | { pending: string };

/**
 * Polls until `probe` says done (resolves its value) or failed (rejects with
 * its reason), giving up after `timeoutSeconds` with the last pending state
 * in the message. Stops early when the task is cancelled.
 */
export async function pollUntil<T>(options: {
  what: string;
  probe: () => Promise<PollResult<T>>;
  timeoutSeconds: number;
  intervalMs?: number;
  signal?: AbortSignal;
}): Promise<T> {
  const { what, probe, timeoutSeconds, signal } = options;
  const intervalMs = options.intervalMs ?? 1000;
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    if (signal?.aborted) {
      throw new Error(`Cancelled while waiting for ${what}`);
    }
    const result = await probe();
    if ('done' in result) return result.value;
    if ('failed' in result) throw new Error(`${what} failed: ${result.failed}`);
    if (Date.now() >= deadline) {
      throw new Error(
        `Gave up waiting for ${what} after ${timeoutSeconds} s; it is still ${result.pending}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}

/** What the ML API says of a thing that runs: its state and why it ended. */
export interface StateReport {
  state: string;
  reason?: string;
}

/** How to wait for one kind of thing the ML API runs. */
export interface StateWait<T extends StateReport> {
  /** Names the thing in errors, e.g. "run 123". */
  what: string;
  /** Reads the thing's current state. */
  get: () => Promise<T>;
  /** Whether the thing has reached the state the step waits for. */
  isDone: (current: T) => boolean;
  /** States the thing cannot leave for a done one: the step fails. */
  failedStates: readonly string[];
  /** Says what the thing is while neither done nor failed (default its state). */
  pending?: (current: T) => string;
  timeoutSeconds: number;
  intervalMs?: number;
}

/**
 * The state of the thing when the step ends: `initial` when the step does
 * not wait (its `waitFor…` input is false), otherwise the done state, which
 * `ended` turns into a log line. Rejects when the thing fails or the timeout
 * passes.
 */
export async function stateWhenStepEnds<T extends StateReport>(
  ctx: { signal?: AbortSignal; logger: { info(message: string): void } },
  options: StateWait<T> & {
    initial: string;
    wait: boolean | undefined;
    ended: (state: string) => string;
  },
): Promise<string> {
  if (!(options.wait ?? true)) return options.initial;
  const { get, isDone, failedStates, pending } = options;
  const state = await pollUntil({
    what: options.what,
    timeoutSeconds: options.timeoutSeconds,
    intervalMs: options.intervalMs,
    signal: ctx.signal,
    probe: async () => {
      const current = await get();
      if (isDone(current)) return { done: true, value: current.state };
      if (failedStates.includes(current.state)) {
        const reason = current.reason ? `: ${current.reason}` : '';
        return { failed: `${current.state}${reason}` };
      }
      return { pending: pending?.(current) ?? current.state };
    },
  });
  ctx.logger.info(options.ended(state));
  return state;
}
