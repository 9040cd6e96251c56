import http from 'node:http';

export function sendJson(
  res: http.ServerResponse,
  code: number,
  body: unknown,
): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A failure as the apiserver reports one: a Status object. */
export function sendStatus(
  res: http.ServerResponse,
  code: number,
  reason: string,
  message: string,
): void {
  sendJson(res, code, {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    code,
    reason,
    message,
  });
}
