import express, { Request, RequestHandler } from 'express';
import { Readable, Transform } from 'node:stream';
import { z } from 'zod';
import { invalidParameter, MlflowError } from '../MlflowError';

const MAX_JSON_BODY = '1mb';

/**
 * Validates request input, refusing it as MLflow does: one
 * `INVALID_PARAMETER_VALUE` naming the first wrong field.
 *
 * @internal
 */
export function parseMlflowInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.map(String).join('.');
  if (
    issue.code === 'invalid_type' &&
    valueAt(input, issue.path) === undefined
  ) {
    throw invalidParameter(`Missing value for required parameter '${field}'`);
  }
  throw invalidParameter(
    field
      ? `Invalid value for parameter '${field}': ${issue.message}`
      : issue.message,
  );
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A whole number, sent as a JSON number or as a string of digits. */
export const intLike = z.union(
  [
    z.number().int(),
    z
      .string()
      .regex(/^\d+$/)
      .transform(s => Number(s)),
  ],
  { error: 'expected a whole number' },
);

/**
 * Parses a JSON body (whatever its Content-Type, as MLflow's clients do not
 * all send one), answering malformed JSON with MLflow's `BAD_REQUEST`. A
 * body some earlier parser already read is left as it is.
 *
 * @internal
 */
export function mlflowJsonBody(): RequestHandler {
  const parse = express.json({ limit: MAX_JSON_BODY, type: () => true });
  return (req, res, next) =>
    parse(req, res, error => {
      if (!error) return next();
      const { type, message } = error as { type?: string; message: string };
      if (type === 'entity.parse.failed') {
        return next(new MlflowError('BAD_REQUEST', `Invalid JSON: ${message}`));
      }
      if (type === 'entity.too.large') {
        return next(
          invalidParameter(`The request body is over ${MAX_JSON_BODY}`),
        );
      }
      return next(error);
    });
}

const tooLarge = (limit: number) =>
  invalidParameter(`The upload is larger than the limit of ${limit} bytes`);

/**
 * The raw request body as a stream, at most `limit` bytes: a larger
 * declared Content-Length is refused at once, and a body that grows past
 * the limit fails the stream (so the store drops what it wrote) without
 * reading the rest. A body an earlier `express.raw` read is used as is.
 *
 * @internal
 */
export function uploadBody(req: Request, limit: number): Readable | Buffer {
  if (Buffer.isBuffer(req.body)) {
    if (req.body.length > limit) throw tooLarge(limit);
    return req.body;
  }
  if (req.readableEnded) {
    throw new Error(
      'The request body was read before the artifacts router; mount it ahead of any body parser',
    );
  }
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw tooLarge(limit);

  let received = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > limit) {
        req.unpipe(limited);
        callback(tooLarge(limit));
        return;
      }
      callback(null, chunk);
    },
  });
  // The store may start reading only after awaiting other things: a failure
  // before then waits on the stream for it (`pipeline` reports it).
  limited.on('error', () => {});
  // Not `pipeline`: that would destroy the request (and its socket) on a
  // refusal, and the client would never get the answer.
  req.on('error', error => limited.destroy(error));
  req.on('close', () => {
    if (!req.complete) {
      limited.destroy(new Error('The client went away during the upload'));
    }
  });
  req.pipe(limited);
  return limited;
}
