/**
 * MLflow's error codes, with the HTTP status MLflow's own server answers
 * each with (`mlflow/exceptions.py`). Clients branch on `error_code`.
 */
const STATUS_OF = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  INVALID_STATE: 500,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  REQUEST_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  TEMPORARILY_UNAVAILABLE: 503,
} as const;

/** @internal */
export type MlflowErrorCode = keyof typeof STATUS_OF;

/**
 * An error as MLflow's REST API reports it: `{error_code, message}` with
 * the status that belongs to the code.
 *
 * @internal
 */
export class MlflowError extends Error {
  readonly status: number;

  constructor(readonly errorCode: MlflowErrorCode, message: string) {
    super(message);
    this.name = 'MlflowError';
    this.status = STATUS_OF[errorCode];
  }

  toJSON(): { error_code: MlflowErrorCode; message: string } {
    return { error_code: this.errorCode, message: this.message };
  }
}

/** @internal */
export const invalidParameter = (message: string) =>
  new MlflowError('INVALID_PARAMETER_VALUE', message);

/** @internal */
export const doesNotExist = (message: string) =>
  new MlflowError('RESOURCE_DOES_NOT_EXIST', message);
