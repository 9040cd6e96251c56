import { CustomErrorBase } from '@backstage/errors';

/**
 * * Errors of the serving path that have no `@backstage/errors` class. The
 * backend's error handler answers with an error's `statusCode` and keeps its
 * `name`, so callers see e.g. `{"error": {"name": "model.busy", ...}}`.
 */

/** Every replica stayed busy for the whole queue timeout. */
export class ModelBusyError extends CustomErrorBase {
  name = 'model.busy';
  statusCode = 429;
}

/** The request body is larger than the serving limit. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError';
  statusCode = 413;
}

/** The replica answered something that is not the replica wire contract. */
export class BadReplicaResponseError extends CustomErrorBase {
  name = 'model.bad_response';
  statusCode = 502;
}

/** The replica could not be reached (after one retry on another replica). */
export class ReplicaUnreachableError extends CustomErrorBase {
  name = 'model.unreachable';
  statusCode = 502;
}

/** The model function took longer than the prediction timeout. */
export class PredictionTimeoutError extends CustomErrorBase {
  name = 'model.timeout';
  statusCode = 504;
}
