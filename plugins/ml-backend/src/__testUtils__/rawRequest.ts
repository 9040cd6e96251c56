import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface RawRequestOptions {
  method?: string;
  /** The path and query, when the target is a server. */
  path?: string;
  headers?: http.OutgoingHttpHeaders;
  body?: string | Buffer;
  /** A connection of its own unless an agent is given. */
  agent?: http.Agent | false;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The whole answer, as text. */
  body: string;
  socket: unknown;
}

/**
 * One HTTP request sent as written, its answer read whole: supertest would
 * tidy up the headers and URLs these tests send on purpose. The target is a
 * test server (then `path` says where) or a whole URL.
 */
export function rawRequest(
  target: http.Server | string,
  options: RawRequestOptions = {},
): Promise<RawResponse> {
  const { body, agent = false, ...rest } = options;
  const requestOptions: http.RequestOptions = {
    method: 'GET',
    ...rest,
    agent,
  };
  return new Promise((resolve, reject) => {
    const req =
      typeof target === 'string'
        ? http.request(target, requestOptions)
        : http.request({
            host: '127.0.0.1',
            port: (target.address() as AddressInfo).port,
            ...requestOptions,
          });
    req.on('response', res => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', chunk => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text,
          socket: req.socket,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}
