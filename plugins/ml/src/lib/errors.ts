import { ResponseError } from '@backstage/errors';

/**
 * The message to show people for a failed call. A `ResponseError` only says
 * "Request failed with 400 Bad Request"; the server's own message, which names
 * the field that is wrong, is in its cause.
 */
export function describeError(error: unknown): string {
  if (error instanceof ResponseError) {
    const serverMessage = error.cause?.message;
    return serverMessage && serverMessage !== error.message
      ? serverMessage
      : error.message;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

/** A server error split into the parts that name a form field and the rest. */
export interface FieldErrors {
  /** By top-level field name: `nodeGroups[0].cpu: …` is under `nodeGroups`. */
  fields: Record<string, string>;
  /** What names no field, for an alert above the form. */
  general?: string;
}

const FIELD_PROBLEM =
  /^([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\]|\.[A-Za-z_][A-Za-z0-9_]*)*): (.+)$/s;

/**
 * Splits what the API says about bad input ("Invalid request body: name:
 * must not be empty; schedule: …", or "script: no file 'x.py'") by field, so
 * that forms can show each problem under its field.
 */
export function fieldErrors(error: unknown): FieldErrors {
  const message = describeError(error)
    .replace(/^Invalid request (body|query|path): /, '')
    .replace(/ \(and \d+ more\)$/, '');
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of message.split('; ')) {
    const match = FIELD_PROBLEM.exec(part);
    if (match) {
      const [, field, subPath, problem] = match;
      const text = subPath
        ? `${subPath.replace(/^\./, '')}: ${problem}`
        : problem;
      fields[field] = fields[field] ? `${fields[field]}; ${text}` : text;
    } else {
      rest.push(part);
    }
  }
  return {
    fields,
    general: rest.length > 0 ? rest.join('; ') : undefined,
  };
}

/**
 * The whole message above the form, for forms whose fields do not match
 * the API's names (or that have no fields).
 */
export function wholeError(error: unknown): FieldErrors {
  return { fields: {}, general: describeError(error) };
}
