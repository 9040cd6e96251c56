import { CustomErrorBase } from '@backstage/errors';

/**
 * Errors of the serving path that have no `@backstage/errors` class. The
 * backend's error handler answers with an error's `statusCode` and keeps its
 * `name`, so callers see e.g. `{"error": {"name": "model.busy", ...}}`.
 */
function servingError(errorName: string, status: number) {
  return class extends CustomErrorBase {
    name = errorName;
    statusCode = status;
  };
}

/** Every replica stayed busy for the whole queue timeout. */
export const ModelBusyError = servingError('model.busy', 429);

/** The request body is larger than the serving limit. */
export const PayloadTooLargeError = servingError('PayloadTooLargeError', 413);

/** The replica answered something that is not the replica wire contract. */
export const BadReplicaResponseError = servingError('model.bad_response', 502);

/** The replica could not be reached (after one retry on another replica). */
export const ReplicaUnreachableError = servingError('model.unreachable', 502);

/** The model function took longer than the prediction timeout. */
export const PredictionTimeoutError = servingError('model.timeout', 504);
