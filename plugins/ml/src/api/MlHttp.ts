import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { MlListOptions } from './MlApi';

/** Query parameters; undefined ones are left out, lists repeat the key. */
export type Query = Record<
  string,
  string | number | boolean | readonly string[] | undefined
>;

export const seg = encodeURIComponent;

/** The path of a project, below which most of the API's collections are. */
export const projectPath = (projectId: string) => `/projects/${seg(projectId)}`;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  rawBody?: Blob | string;
  signal?: AbortSignal;
  /** 'include' lets a cross-origin response set cookies (the user cookie). */
  credentials?: RequestCredentials;
}

/** The query parameters of the API's paged lists. */
export function listQuery(options?: MlListOptions): Query {
  return {
    filter: options?.filter || undefined,
    sort: options?.sort,
    page_size: options?.pageSize,
    page_token: options?.pageToken,
  };
}

/**
 * The request core that every part of the ML client shares: requests go
 * through the Backstage `fetchApi`, so that they carry the user's token, and
 * failures become `ResponseError`s that keep the server's message.
 */
export class MlHttp {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  /** The ML API's base URL (e.g. to open an application in a new tab). */
  apiBaseUrl(): Promise<string> {
    return this.discoveryApi.getBaseUrl('ml');
  }

  async json<T>(
    method: string,
    path: string,
    options?: { query?: Query; body?: unknown; signal?: AbortSignal },
  ): Promise<T> {
    const response = await this.send(method, path, options);
    return (await response.json()) as T;
  }

  async send(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<Response> {
    const response = await this.fetchRaw(method, path, options);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  /** The response whatever its status, for callers that read error bodies. */
  async fetchRaw(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ml');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options?.query ?? {})) {
      if (Array.isArray(value)) {
        value.forEach(item => params.append(key, item));
      } else if (value !== undefined) {
        params.set(key, String(value));
      }
    }
    const search = params.toString();
    const url = `${baseUrl}${path}${search ? `?${search}` : ''}`;

    const init: RequestInit = {
      method,
      signal: options?.signal,
      ...(options?.credentials && { credentials: options.credentials }),
    };
    if (options?.rawBody !== undefined) {
      init.headers = { 'Content-Type': 'application/octet-stream' };
      init.body = options.rawBody;
    } else if (options?.body !== undefined) {
      init.headers = { 'Content-Type': 'application/json' };
      init.body = JSON.stringify(options.body);
    }

    return this.fetchApi.fetch(url, init);
  }
}
