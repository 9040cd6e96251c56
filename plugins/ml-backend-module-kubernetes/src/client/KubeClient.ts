import { KubeConfig } from '@kubernetes/client-node';
import type { V1Status } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import { createInterface } from 'node:readline';
import { Json } from './json';
import { KubeApiError } from './KubeApiError';

/** One event of a watch stream of `T`s (a BOOKMARK's holds only a resourceVersion). */
export interface WatchEvent<T> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  object: T;
}

/** A line of a watch stream: an event, or the Status of an ERROR. */
type WatchLine<T> = WatchEvent<T> | { type: 'ERROR'; object?: Json<V1Status> };

type Query = Record<string, string | number | boolean | undefined>;

/**
 * A small JSON client for the Kubernetes REST API. client-node's KubeConfig
 * supplies TLS and credentials; requests are plain node:http(s) so that
 * every call has a deadline (the generated clients and client-node's Watch
 * can wait forever on a server that accepts and never answers) and every
 * failure is a KubeApiError the driver can classify.
 */
export class KubeClient {
  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly timeoutMs: number,
  ) {}

  get server(): string {
    const cluster = this.kubeConfig.getCurrentCluster();
    if (!cluster)
      throw new KubeApiError(
        'The kubeconfig has no current cluster',
        0,
        'NoCluster',
      );
    return cluster.server.replace(/\/+$/, '');
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    query?: Query,
  ): Promise<T> {
    const response = await this.open(method, path, query, body);
    const text = await readAll(response);
    if ((response.statusCode ?? 0) >= 400) throw toError(response, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T = unknown>(path: string, query?: Query) {
    return this.request<T>('GET', path, undefined, query);
  }

  /**
   * Streams a watch until the server ends it (resolves) or it fails
   * (rejects; an ERROR event with a Status becomes a KubeApiError, so 410
   * Gone can be told apart). Aborting `signal` resolves.
   */
  async watch<T>(
    path: string,
    query: Query,
    onEvent: (event: WatchEvent<T>) => void,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      const lines = this.lines(path, { ...query, watch: true }, signal);
      for await (const line of lines) {
        if (!line.trim()) continue;
        const event = JSON.parse(line) as WatchLine<T>;
        if (event.type === 'ERROR') {
          const status = event.object ?? {};
          throw new KubeApiError(
            status.message ?? 'watch error',
            status.code ?? 500,
            status.reason,
          );
        }
        onEvent(event);
      }
    } catch (error) {
      if (signal.aborted) return;
      throw error;
    }
  }

  /** The body of a streaming GET (pod logs) as lines, until it ends or `signal` aborts. */
  async *lines(
    path: string,
    query: Query,
    signal?: AbortSignal,
  ): AsyncIterable<string> {
    const response = await this.open('GET', path, query, undefined, signal);
    if ((response.statusCode ?? 0) >= 400)
      throw toError(response, await readAll(response));
    const reader = createInterface({ input: response, crlfDelay: Infinity });
    // readline waits for 'end', which a destroyed stream never emits.
    const abort = () => {
      reader.close();
      response.destroy();
    };
    response.on('close', () => reader.close());
    signal?.addEventListener('abort', abort, { once: true });
    try {
      for await (const line of reader) {
        yield line;
      }
    } catch (error) {
      if (!signal?.aborted) throw error;
    } finally {
      signal?.removeEventListener('abort', abort);
      response.destroy();
    }
  }

  /**
   * Sends a request and waits for the response headers, at most
   * `timeoutMs`; the body is the caller's to read.
   */
  private async open(
    method: string,
    path: string,
    query: Query | undefined,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<http.IncomingMessage> {
    const url = new URL(this.server + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const options: https.RequestOptions = {
      method,
      headers: { Accept: 'application/json' },
    };
    await this.kubeConfig.applyToHTTPSOptions(options);
    const payload =
      body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    if (payload) {
      const contentType =
        method === 'PATCH'
          ? 'application/merge-patch+json'
          : 'application/json';
      options.headers = {
        ...options.headers,
        'Content-Type': contentType,
        'Content-Length': payload.length,
      };
    }
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(url, options, resolve);
      const timer = setTimeout(() => {
        req.destroy(
          new KubeApiError(
            `${method} ${url.pathname}: no answer within ${this.timeoutMs} ms`,
            0,
            'Timeout',
          ),
        );
      }, this.timeoutMs);
      req.on('response', () => clearTimeout(timer));
      req.on('error', error => {
        clearTimeout(timer);
        reject(
          error instanceof KubeApiError
            ? error
            : new KubeApiError(
                `${method} ${url.pathname}: ${error.message}`,
                0,
                (error as NodeJS.ErrnoException).code,
              ),
        );
      });
      signal?.addEventListener('abort', () => req.destroy(), { once: true });
      req.end(payload);
    });
  }
}

async function readAll(response: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The message and reason of an error body: a Status, or plain text. */
function statusOf(text: string): { message?: unknown; reason?: unknown } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { message: text.slice(0, 300) };
  }
  return typeof parsed === 'object' && parsed !== null ? parsed : {};
}

function toError(response: http.IncomingMessage, text: string): KubeApiError {
  const status = statusOf(text);
  const retryAfter = Number(response.headers['retry-after']);
  return new KubeApiError(
    (status.message ? String(status.message) : '') ||
      `HTTP ${response.statusCode}`,
    response.statusCode ?? 0,
    typeof status.reason === 'string' ? status.reason : undefined,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
