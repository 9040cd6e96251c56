import http from 'node:http';

/**
 * Whether a replica answers `GET /health` with 200 within `timeoutMs`. Uses a
 * connection of its own that it closes: a replica serves one connection at a
 * time, so a pooled keep-alive connection would hold off the gateway.
 */
export function probeHealth(
  baseUrl: string,
  timeoutMs = 1000,
): Promise<boolean> {
  return new Promise(resolve => {
    const req = http.get(
      `${baseUrl}/health`,
      { agent: false, headers: { Connection: 'close' }, timeout: timeoutMs },
      res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
        res.on('error', () => resolve(false));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', () => resolve(false));
  });
}
