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
