/**
 * Seconds to wait before attempt `nextAttempt` (2, 3, …): the base doubled
 * per earlier retry, capped. CML has no retries; ours back off so a failing
 * dependency is not hammered.
 */
export function retryDelaySeconds(
  baseSeconds: number,
  nextAttempt: number,
  capSeconds: number,
): number {
  const exponent = Math.max(0, nextAttempt - 2);
  return Math.min(capSeconds, baseSeconds * 2 ** exponent);
}
