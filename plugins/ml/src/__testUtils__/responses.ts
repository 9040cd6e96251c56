// The fetch responses that the API client tests answer with.

export function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A Backstage error body, as the backend's error handler answers. */
export function errorResponse(status: number, name: string, message: string) {
  return jsonResponse(
    { error: { name, message }, response: { statusCode: status } },
    status,
  );
}
