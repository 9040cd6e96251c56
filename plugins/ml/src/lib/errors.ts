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
