import { ResponseError } from '@backstage/errors';

/**
 * A failed response as a `ResponseError` whose message is MLflow's own
 * (`{error_code, message}`); its body is in Backstage's form, with the
 * error code as the cause's name, so the plugin's error views read it.
 * Errors raised before the MLflow router (Backstage's) keep their form.
 */
export async function mlflowResponseError(response: Response): Promise<Error> {
  const text = await response.text();
  let parsed: { error_code?: unknown; message?: unknown } | undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const isMlflowError =
    typeof parsed?.error_code === 'string' &&
    typeof parsed?.message === 'string';
  const bodyText = isMlflowError
    ? JSON.stringify({
        error: { name: parsed!.error_code, message: parsed!.message },
        response: { statusCode: response.status },
      })
    : text;
  const error = await ResponseError.fromResponse({
    headers: isMlflowError
      ? new Headers({ 'Content-Type': 'application/json' })
      : response.headers,
    ok: response.ok,
    redirected: response.redirected,
    status: response.status,
    statusText: response.statusText,
    type: response.type,
    url: response.url,
    text: async () => bodyText,
  });
  if (isMlflowError) {
    error.message = String(parsed!.message);
  }
  return error;
}
