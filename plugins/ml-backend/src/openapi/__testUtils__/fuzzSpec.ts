import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { FuzzCase, FuzzOperation } from './fuzzCases';

/** openapi.yaml as the fuzz test walks it, and how it sends each case. */

const SPEC = parse(
  fs.readFileSync(path.resolve(__dirname, '../../../openapi.yaml'), 'utf8'),
);
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

export function deref(schema: any): any {
  if (schema?.$ref) {
    let node = SPEC;
    for (const key of schema.$ref.slice(2).split('/')) node = node[key];
    return deref(node);
  }
  if (Array.isArray(schema?.allOf) && schema.allOf.length === 1) {
    return { ...deref(schema.allOf[0]), ...schema, allOf: undefined };
  }
  return schema;
}

/** Every documented operation, as the generator needs it. */
export function operations(): Array<Omit<FuzzOperation, 'valid'>> {
  return Object.entries<any>(SPEC.paths).flatMap(([p, item]) =>
    METHODS.filter(m => item[m]).map(method => {
      const op = item[method];
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(
        deref,
      );
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      return {
        key: `${method.toUpperCase()} ${p}`,
        method,
        path: p,
        pathParams: params.filter(x => x.in === 'path').map(x => x.name),
        queryParams: params.filter(x => x.in === 'query').map(x => x.name),
        bodyProperties: json
          ? Object.keys(deref(json.schema)?.properties ?? {})
          : undefined,
        rawBody: Boolean(op.requestBody) && !json,
      };
    }),
  );
}

/**
 * The workload API first (its token's run is stopped later) and the
 * predictions (later cases may deploy the model or open it to everyone,
 * after which an answer of 503 "no ready replica yet" is right), then reads,
 * writes, stops, and deletes, deepest first.
 */
export function order(op: { method: string; path: string }): number {
  if (op.path.startsWith('/workload-api/')) return 0;
  if (op.path === '/model' || op.path.endsWith('/predict')) return 0;
  if (op.method === 'get') return 1;
  if (op.method === 'delete') return 100 - op.path.split('/').length;
  if (/\/(stop|restart)$/.test(op.path)) return 3;
  return 2;
}

export interface Outcome {
  status: number;
  message?: string;
}

/** A raw request, so that the URL goes out exactly as the case wrote it. */
export function send(
  server: http.Server,
  agent: http.Agent,
  c: FuzzCase,
): Promise<Outcome> {
  const { port } = server.address() as AddressInfo;
  return new Promise(resolve => {
    const headers: Record<string, string> = { ...c.headers };
    if (c.contentType) headers['content-type'] = c.contentType;
    if (c.body !== undefined)
      headers['content-length'] = String(Buffer.byteLength(c.body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: c.method.toUpperCase(),
        path: c.url,
        headers,
        agent,
        timeout: 20_000,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () => {
          let message: string | undefined;
          try {
            message = JSON.parse(Buffer.concat(chunks).toString('utf8')).error
              ?.message;
          } catch {
            message = undefined;
          }
          resolve({ status: res.statusCode ?? 0, message });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 20 s')));
    req.on('error', error => resolve({ status: 0, message: error.message }));
    req.end(c.body);
  });
}
