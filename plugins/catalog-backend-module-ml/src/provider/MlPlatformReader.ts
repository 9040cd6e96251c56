import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ForwardedError, ResponseError } from '@backstage/errors';
import {
  Application,
  Collaborator,
  Job,
  Model,
  ModelBuild,
  ModelDeployment,
  Page,
  Project,
  Runtime,
  Workspace,
} from '@ml-platform/plugin-ml-common';
import { ModelView, pickShownBuild } from '../entities/modelEntities';
import { mapConcurrently } from './mapConcurrently';
import { OwnerGroupsLookup } from './OwnerGroupsLookup';

/** The largest page the ML backend's list endpoints return. */
const PAGE_SIZE = 500;
/** Attempts at a consistent listing while the ML platform changes. */
const MAX_ATTEMPTS = 3;
/** What a list that refused the catalog's token reads as. */
const REFUSED = Symbol('refused');
/** Requests in flight at once while reading projects and models. */
const CONCURRENCY = 4;

/** A project with everything of it that the catalog shows. */
export interface MlProjectView {
  project: Project;
  models: ModelView[];
  applications: Application[];
  /** The runtimes its jobs run in. */
  jobRuntimeIds: string[];
  /** Who collaborates on it; read only for projects that are not public. */
  collaborators: Collaborator[];
  /**
   * For a `team` project: the owning group itself, or the groups the owning
   * user belongs to (from the catalog). Empty otherwise.
   */
  ownerGroups: string[];
}

/** Everything the entity provider mirrors, read at one point in time. */
export interface MlPlatformSnapshot {
  /** The base URL of the ML backend's REST API, e.g. `http://…/api/ml`. */
  baseUrl: string;
  workspaces: Workspace[];
  runtimes: Runtime[];
  projects: MlProjectView[];
  /**
   * Lists (by their last path segment, e.g. `applications`) that refused the
   * catalog's service token (401/403) and were read as empty.
   */
  refusedLists: string[];
}

/** How the reader finds and calls the ML backend; replaceable in tests. */
export interface MlPlatformReaderOptions {
  discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials' | 'getPluginRequestToken'>;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Defaults to 500, the most the ML backend allows. */
  pageSize?: number;
  /**
   * Where the groups of project owners come from; without it, owners are in
   * no group (`team` projects of users are readable by owner and
   * collaborators only).
   */
  ownerGroups?: Pick<OwnerGroupsLookup, 'ofTeamProjects'>;
}

/**
 * Reads the ML platform from the ML backend's REST API (`/api/ml`), as the
 * catalog's own service principal, following `next_page_token` to the last
 * page: workspaces, runtimes and projects, and per project its models (with
 * their builds and deployments), applications, jobs and, unless it is
 * public, its collaborators. Lists of routes that
 * this ML backend does not have (404) read as empty, so the provider works
 * with an older ML backend.
 */
export class MlPlatformReader {
  readonly #discovery: MlPlatformReaderOptions['discovery'];
  readonly #auth: MlPlatformReaderOptions['auth'];
  readonly #fetch: typeof fetch;
  readonly #pageSize: number;
  readonly #ownerGroups?: Pick<OwnerGroupsLookup, 'ofTeamProjects'>;

  constructor(options: MlPlatformReaderOptions) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#pageSize = options.pageSize ?? PAGE_SIZE;
    this.#ownerGroups = options.ownerGroups;
  }

  async read(): Promise<MlPlatformSnapshot> {
    const { baseUrl, token } = await this.#connect();
    const workspaces = await this.#listAll<Workspace>(
      baseUrl,
      'workspaces',
      token,
      w => w.name,
    );
    const runtimes = await this.#listAll<Runtime>(
      baseUrl,
      'runtimes',
      token,
      r => r.id,
      { all: 'true' },
    );
    const projectList = await this.#listAll<Project>(
      baseUrl,
      'projects',
      token,
      p => p.id,
    );
    const refused = new Set<string>();
    const projects = await this.#withOwnerGroups(
      await mapConcurrently(projectList, CONCURRENCY, project =>
        this.#readProjectContents(baseUrl, token, project, refused),
      ),
    );
    return {
      baseUrl,
      workspaces,
      runtimes,
      projects,
      refusedLists: [...refused].sort(),
    };
  }

  /** The ids of all projects. */
  async readProjectIds(): Promise<string[]> {
    const { baseUrl, token } = await this.#connect();
    const projects = await this.#listAll<Project>(
      baseUrl,
      'projects',
      token,
      p => p.id,
    );
    return projects.map(p => p.id);
  }

  /** One project and its contents; undefined when it no longer exists. */
  async readProject(projectId: string): Promise<{
    baseUrl: string;
    view?: MlProjectView;
    refusedLists: string[];
  }> {
    const { baseUrl, token } = await this.#connect();
    const url = new URL(`${baseUrl}/projects/${encodeURIComponent(projectId)}`);
    const project = await this.#get<Project>(url, token, {
      missing: 'undefined',
    });
    if (!project || project === REFUSED) {
      return { baseUrl, refusedLists: [] };
    }
    const refused = new Set<string>();
    const [view] = await this.#withOwnerGroups([
      await this.#readProjectContents(baseUrl, token, project, refused),
    ]);
    return { baseUrl, view, refusedLists: [...refused].sort() };
  }

  async #connect(): Promise<{ baseUrl: string; token: string }> {
    const baseUrl = await this.#discovery.getBaseUrl('ml');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: 'ml',
    });
    return { baseUrl, token };
  }

  async #readProjectContents(
    baseUrl: string,
    token: string,
    project: Project,
    refused: Set<string>,
  ): Promise<MlProjectView> {
    const base = `projects/${encodeURIComponent(project.id)}`;
    // Lists of a project: a 404 (a route this ML backend does not have, or
    // the project just deleted) or a refused token reads as no items.
    const list = <T>(resource: string, key: (item: T) => string) =>
      this.#listAll<T>(
        baseUrl,
        `${base}/${resource}`,
        token,
        key,
        {},
        {
          missing: 'empty',
          refused,
        },
      );
    const [models, applications, jobs, collaborators] = await Promise.all([
      list<Model>('models', m => m.id),
      list<Application>('applications', a => a.id),
      list<Job>('jobs', j => j.id),
      // Who may read it; everyone reads a public project. No collaborators
      // read means fewer readers, never more.
      project.visibility === 'public'
        ? Promise.resolve([])
        : list<Collaborator>('collaborators', c => c.subject),
    ]);
    const modelViews = await mapConcurrently(
      models,
      CONCURRENCY,
      async model => {
        const modelBase = `models/${encodeURIComponent(model.id)}`;
        const [builds, deployments] = await Promise.all([
          list<ModelBuild>(`${modelBase}/builds`, b => b.id),
          // Only the active deployment matters; a model without one needs
          // no request for them.
          model.activeDeploymentId
            ? list<ModelDeployment>(`${modelBase}/deployments`, d => d.id)
            : Promise.resolve([]),
        ]);
        const activeDeployment = deployments.find(
          d => d.id === model.activeDeploymentId,
        );
        return {
          model,
          activeDeployment,
          build: pickShownBuild(builds, activeDeployment),
        };
      },
    );
    return {
      project,
      models: modelViews,
      applications,
      jobRuntimeIds: [...new Set(jobs.map(j => j.runtimeId))],
      collaborators,
      ownerGroups: [],
    };
  }

  /** The views with the owner groups of their `team` projects. */
  async #withOwnerGroups(views: MlProjectView[]): Promise<MlProjectView[]> {
    const groups = this.#ownerGroups
      ? await this.#ownerGroups.ofTeamProjects(views.map(v => v.project))
      : new Map<string, string[]>();
    return views.map(view => ({
      ...view,
      ownerGroups: groups.get(view.project.id) ?? [],
    }));
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
    query: Record<string, string> = {},
    options: {
      /** `empty`: a 404 or a refused token (401/403) reads as no items. */
      missing?: 'error' | 'empty';
      /** Collects the lists that refused the token. */
      refused?: Set<string>;
    } = {},
  ): Promise<T[]> {
    let reported: number | undefined = 0;
    let found = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const items = new Map<string, T>();
      const seenTokens = new Set<string>();
      let pageToken: string | undefined;
      do {
        const url = new URL(`${baseUrl}/${resource}`);
        for (const [name, value] of Object.entries(query)) {
          url.searchParams.set(name, value);
        }
        url.searchParams.set('page_size', String(this.#pageSize));
        if (pageToken) {
          url.searchParams.set('page_token', pageToken);
        }
        const page = await this.#get<
          Omit<Page<T>, 'total_size'> & { total_size?: number }
        >(url, token, {
          missing: options.missing === 'empty' ? 'undefined' : 'error',
          refused: options.missing === 'empty' ? 'undefined' : 'error',
        });
        if (page === REFUSED) {
          // This ML backend lets only users read the list: the catalog
          // cannot mirror it (the provider warns).
          options.refused?.add(resource.split('/').pop()!);
          return [];
        }
        if (!page) {
          // A route this ML backend does not have yet, or a project deleted
          // while it was read: nothing to mirror.
          return [];
        }
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
      // Lists that are not paged (a project's models) report no total.
      if (reported === undefined || found === reported) {
        return [...items.values()];
      }
    }
    throw new Error(
      `The ${resource} of the ML backend changed while they were read ${MAX_ATTEMPTS} times ` +
        `(${found} read, ${reported} reported); trying again on the next refresh`,
    );
  }

  async #get<T>(
    url: URL,
    token: string,
    options: {
      missing?: 'error' | 'undefined';
      refused?: 'error' | 'undefined';
    } = {},
  ): Promise<T | undefined | typeof REFUSED> {
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
    if (response.status === 404 && options.missing === 'undefined') {
      await response.body?.cancel();
      return undefined;
    }
    if (
      (response.status === 401 || response.status === 403) &&
      options.refused === 'undefined'
    ) {
      await response.body?.cancel();
      return REFUSED;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
