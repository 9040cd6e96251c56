/**
 * MLflow's REST API refused a call. `errorCode` is MLflow's own code (e.g.
 * `RESOURCE_DOES_NOT_EXIST`), so callers can tell a missing thing from a
 * refusal without reading the message.
 */
export class MlflowApiError extends Error {
  readonly name = 'MlflowApiError';

  constructor(
    message: string,
    readonly errorCode: string,
    /** The HTTP status the ML backend answered with. */
    readonly statusCode: number,
  ) {
    super(message);
  }
}

/** Whether `error` is an {@link MlflowApiError} with that MLflow error code. */
export function isMlflowError(
  error: unknown,
  errorCode: string,
): error is MlflowApiError {
  return error instanceof MlflowApiError && error.errorCode === errorCode;
}
