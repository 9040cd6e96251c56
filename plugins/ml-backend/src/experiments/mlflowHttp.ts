import {
  AuthenticationError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import express, { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import { MlflowError, invalidParameter } from './MlflowError';

/**
 * Request parsing and error answers as MLflow's server gives them:
 * `{error_code, message}` with the code's status, never Backstage's error
 * shape (MLflow clients read `error_code`).
 */

/**
 * An answer already written as JSON text: large ones (a metric history's
 * 25,000 points) are written straight from the rows, not built as objects
 * and stringified.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/** The request message, or INVALID_PARAMETER_VALUE naming the field. */
export function parseRequest<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const field = issue.path.join('.') || 'request';
  const value = issue.path.reduce(
    (at: any, key) => (at === undefined ? undefined : at[key]),
    input,
  );
  if (value === undefined) {
    throw invalidParameter(`Missing value for required parameter '${field}'.`);
  }
  throw invalidParameter(
    `Invalid value ${JSON.stringify(
      value,
    )} for parameter '${field}' supplied: ${issue.message}.`,
  );
}

/** The run a request names by `run_id` or by its older name `run_uuid`. */
export function runIdOf(input: { run_id?: string; run_uuid?: string }): string {
  const runId = input.run_id || input.run_uuid;
  if (!runId) {
    throw invalidParameter("Missing value for required parameter 'run_id'.");
  }
  return runId;
}

/**
 * JSON bodies as Python clients write them: `json.dumps` spells
 * non-finite floats as bare NaN and Infinity, which strict JSON refuses.
 * Outside strings they become MLflow's string spellings.
 */
export function lenientJsonBody(limit: string): express.RequestHandler[] {
  return [
    express.text({ type: () => true, limit }),
    (req, _res, next) => {
      try {
        req.body =
          typeof req.body === 'string' ? parseLenientJson(req.body) : {};
        next();
      } catch (error) {
        next(error);
      }
    },
  ];
}

export function parseLenientJson(text: string): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(quoteNonFinite(text));
    } catch (error) {
      throw invalidParameter(
        `The request body is not JSON: ${(error as Error).message}`,
      );
    }
  }
}

function quoteNonFinite(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    const token = /^(-?Infinity|NaN)/.exec(text.slice(i, i + 9));
    if (token) {
      out += `"${token[1]}"`;
      i += token[1].length - 1;
      continue;
    }
    out += c;
  }
  return out;
}

/** Backstage's errors from shared code, as the MLflow code they mean. */
function asMlflowError(error: unknown): MlflowError | undefined {
  if (error instanceof MlflowError) return error;
  if (error instanceof InputError) return invalidParameter(error.message);
  if (error instanceof NotFoundError) {
    return new MlflowError('RESOURCE_DOES_NOT_EXIST', error.message);
  }
  if (error instanceof NotAllowedError) {
    return new MlflowError('PERMISSION_DENIED', error.message);
  }
  if (error instanceof AuthenticationError) {
    return new MlflowError('UNAUTHENTICATED', error.message);
  }
  const status = (error as { status?: number; type?: string }).status;
  if (status === 413) {
    return new MlflowError(
      'INVALID_PARAMETER_VALUE',
      'The request body is larger than the tracking API accepts',
    );
  }
  return undefined;
}

export function mlflowErrorHandler(logger: LoggerService): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const known = asMlflowError(error);
    if (known) {
      res.status(known.status).json(known.toJSON());
      return;
    }
    logger.error(`Tracking API failure: ${error}`);
    res.status(500).json({
      error_code: 'INTERNAL_ERROR',
      message: 'The tracking server failed to answer this request; see its log',
    });
  };
}
