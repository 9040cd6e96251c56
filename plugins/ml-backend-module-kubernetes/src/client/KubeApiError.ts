/**
 * A failed API request. `status` is the HTTP status, or 0 when no answer
 * came (connection refused, timeout); `reason` is the Status object's reason
 * (`AlreadyExists`, `Forbidden`, `Expired`...) or the network error code.
 */
export class KubeApiError extends Error {
  readonly name = 'KubeApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly reason?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export function isKubeApiError(error: unknown): error is KubeApiError {
  return (error as Error | undefined)?.name === 'KubeApiError';
}

/** Errors worth retrying: no answer, throttling, server trouble. */
export function isTransient(error: unknown): boolean {
  if (!isKubeApiError(error)) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

export function hasStatus(error: unknown, status: number): boolean {
  return isKubeApiError(error) && error.status === status;
}

/** A 403 from the ResourceQuota admission plugin ("exceeded quota: ..."). */
export function isQuotaExceeded(error: unknown): boolean {
  return (
    hasStatus(error, 403) && /exceeded quota/i.test((error as Error).message)
  );
}
