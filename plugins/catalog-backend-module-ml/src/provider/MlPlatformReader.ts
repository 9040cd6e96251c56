import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ForwardedError, ResponseError } from '@backstage/errors';
import { Page, Project, Workspace } from '@ml-platform/plugin-ml-common';

/** The largest page the ML backend's list endpoints return. */
const PAGE_SIZE = 500;
/** Attempts at a consistent listing while the ML platform changes. */
const MAX_ATTEMPTS = 3;

/** Everything the entity provider mirrors, read at one point in time. */
export interface MlPlatformSnapshot {
  /** The base URL of the ML backend's REST API, e.g. `http://…/api/ml`. */
  baseUrl: string;
  workspaces: Workspace[];
  projects: Project[];
}

/** How the reader finds and calls the ML backend; replaceable in tests. */
export interface MlPlatformReaderOptions {
  discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials' | 'getPluginRequestToken'>;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Defaults to 500, the most the ML backend allows. */
  pageSize?: number;
}

/**
 * Reads all workspaces and projects from the ML backend's REST API
 * (`/api/ml`), as the catalog's own service principal, following
 * `next_page_token` to the last page.
 */
export class MlPlatformReader {
  readonly #discovery: MlPlatformReaderOptions['discovery'];
  readonly #auth: MlPlatformReaderOptions['auth'];
  readonly #fetch: typeof fetch;
  readonly #pageSize: number;

  constructor(options: MlPlatformReaderOptions) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#pageSize = options.pageSize ?? PAGE_SIZE;
  }

  async read(): Promise<MlPlatformSnapshot> {
    const baseUrl = await this.#discovery.getBaseUrl('ml');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: 'ml',
    });
    const workspaces = await this.#listAll<Workspace>(
      baseUrl,
      'workspaces',
      token,
      w => w.name,
    );
    const projects = await this.#listAll<Project>(
      baseUrl,
      'projects',
      token,
      p => p.id,
    );
    return { baseUrl, workspaces, projects };
  }

  /**
   * All items of a list endpoint. The pages are offsets, so an item created
   * or deleted while paging can shift the rest: a listing whose count does
   * not match `total_size` is read again, so that an item is not left out
   * (and removed from the catalog) by accident.
   */
  async #listAll<T>(
    baseUrl: string,
    resource: string,
    token: string,
    key: (item: T) => string,
  ): Promise<T[]> {
    let reported = 0;
    let found = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const items = new Map<string, T>();
      const seenTokens = new Set<string>();
      let pageToken: string | undefined;
      do {
        const url = new URL(`${baseUrl}/${resource}`);
        url.searchParams.set('page_size', String(this.#pageSize));
        if (pageToken) {
          url.searchParams.set('page_token', pageToken);
        }
        const page = await this.#get<Page<T>>(url, token);
        for (const item of page.items) {
          items.set(key(item), item);
        }
        reported = page.total_size;
        pageToken = page.next_page_token || undefined;
        if (pageToken) {
          if (seenTokens.has(pageToken)) {
            throw new Error(
              `The ML backend returned the page token '${pageToken}' of ${url.pathname} twice`,
            );
          }
          seenTokens.add(pageToken);
        }
      } while (pageToken);
      found = items.size;
      if (found === reported) {
        return [...items.values()];
      }
    }
    throw new Error(
      `The ${resource} of the ML backend changed while they were read ${MAX_ATTEMPTS} times ` +
        `(${found} read, ${reported} reported); trying again on the next refresh`,
    );
  }

  async #get<T>(url: URL, token: string): Promise<T> {
    let response: Response;
    try {
      response = await this.#fetch(url.toString(), {
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
        },
      });
    } catch (error) {
      throw new ForwardedError(
        `Could not reach the ML backend at ${url.origin}`,
        error,
      );
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
