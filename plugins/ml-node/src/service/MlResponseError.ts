import { ForwardedError } from '@backstage/errors';

/**
 * The ML backend answered a call with an error status. Like a
 * `ForwardedError` it takes the name of the ML backend's own error (its
 * cause), so a `ConflictError` there stays a conflict for the caller.
 *
 * @public
 */
export class MlResponseError extends ForwardedError {
  constructor(
    message: string,
    cause: unknown,
    /** The HTTP status the ML backend answered with. */
    readonly statusCode: number,
  ) {
    super(message, cause);
  }
}

/**
 * Whether `error` is an {@link MlResponseError}, optionally with one of the
 * given statuses.
 *
 * @public
 */
export function isMlResponseError(
  error: unknown,
  ...statuses: number[]
): error is MlResponseError {
  return (
    error instanceof MlResponseError &&
    (statuses.length === 0 || statuses.includes(error.statusCode))
  );
}
