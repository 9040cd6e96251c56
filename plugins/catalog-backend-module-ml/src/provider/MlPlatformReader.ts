import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  Application,
  Collaborator,
  Job,
  Model,
  ModelBuild,
  ModelDeployment,
  Project,
  Runtime,
  Workspace,
} from '@ml-platform/plugin-ml-common';
import {
  isMlResponseError,
  MlListPage,
  MlListQuery,
  MlService,
} from '@ml-platform/plugin-ml-node';
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

/** The calls of the ML backend's API that the reader makes. */
export type MlPlatformApi = Pick<
  MlService,
  | 'getBaseUrl'
  | 'listWorkspaces'
  | 'listRuntimes'
  | 'listProjects'
  | 'getProject'
  | 'listModels'
  | 'listBuilds'
  | 'listDeployments'
  | 'listApplications'
  | 'listJobs'
  | 'listCollaborators'
>;

/** How the reader reaches the ML backend; replaceable in tests. */
export interface MlPlatformReaderOptions {
  ml: MlPlatformApi;
  /** The reader acts as the catalog's own service principal. */
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
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
  readonly #ml: MlPlatformApi;
  readonly #auth: MlPlatformReaderOptions['auth'];
  readonly #pageSize: number;
  readonly #ownerGroups?: Pick<OwnerGroupsLookup, 'ofTeamProjects'>;

  constructor(options: MlPlatformReaderOptions) {
    this.#ml = options.ml;
    this.#auth = options.auth;
    this.#pageSize = options.pageSize ?? PAGE_SIZE;
    this.#ownerGroups = options.ownerGroups;
  }

  async read(): Promise<MlPlatformSnapshot> {
    const { baseUrl, credentials } = await this.#connect();
    const workspaces = await this.#listAll<Workspace>(
      'workspaces',
      w => w.name,
      query => this.#ml.listWorkspaces(query, { credentials }),
    );
    const runtimes = await this.#listAll<Runtime>(
      'runtimes',
      r => r.id,
      query => this.#ml.listRuntimes({ all: true, ...query }, { credentials }),
    );
    const projectList = await this.#listProjects(credentials);
    const refused = new Set<string>();
    const projects = await this.#withOwnerGroups(
      await mapConcurrently(projectList, CONCURRENCY, project =>
        this.#readProjectContents(credentials, project, refused),
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
    const { credentials } = await this.#connect();
    const projects = await this.#listProjects(credentials);
    return projects.map(p => p.id);
  }

  #listProjects(credentials: BackstageCredentials) {
    return this.#listAll<Project>(
      'projects',
      p => p.id,
      query => this.#ml.listProjects(query, { credentials }),
    );
  }

  /** One project and its contents; undefined when it no longer exists. */
  async readProject(projectId: string): Promise<{
    baseUrl: string;
    view?: MlProjectView;
    refusedLists: string[];
  }> {
    const { baseUrl, credentials } = await this.#connect();
    const project = await this.#orMissing(
      () => this.#ml.getProject(projectId, { credentials }),
      { missing: true, refused: false },
    );
    if (!project || project === REFUSED) {
      return { baseUrl, refusedLists: [] };
    }
    const refused = new Set<string>();
    const [view] = await this.#withOwnerGroups([
      await this.#readProjectContents(credentials, project, refused),
    ]);
    return { baseUrl, view, refusedLists: [...refused].sort() };
  }

  async #connect(): Promise<{
    baseUrl: string;
    credentials: BackstageCredentials;
  }> {
    return {
      baseUrl: await this.#ml.getBaseUrl(),
      credentials: await this.#auth.getOwnServiceCredentials(),
    };
  }

  async #readProjectContents(
    credentials: BackstageCredentials,
    project: Project,
    refused: Set<string>,
  ): Promise<MlProjectView> {
    const id = project.id;
    const as = { credentials };
    // Lists of a project: a 404 (a route this ML backend does not have, or
    // the project just deleted) or a refused token reads as no items.
    const list = <T>(
      resource: string,
      key: (item: T) => string,
      fetchPage: (query: MlListQuery) => Promise<MlListPage<T>>,
    ) => this.#listAll<T>(resource, key, fetchPage, { refused });
    const [models, applications, jobs, collaborators] = await Promise.all([
      list<Model>(
        'models',
        m => m.id,
        q => this.#ml.listModels(id, q, as),
      ),
      list<Application>(
        'applications',
        a => a.id,
        q => this.#ml.listApplications(id, q, as),
      ),
      list<Job>(
        'jobs',
        j => j.id,
        q => this.#ml.listJobs(id, q, as),
      ),
      // Who may read it; everyone reads a public project. No collaborators
      // read means fewer readers, never more.
      project.visibility === 'public'
        ? Promise.resolve([])
        : list<Collaborator>(
            'collaborators',
            c => c.subject,
            q => this.#ml.listCollaborators(id, q, as),
          ),
    ]);
    const modelViews = await mapConcurrently(
      models,
      CONCURRENCY,
      async model => {
        const [builds, deployments] = await Promise.all([
          list<ModelBuild>(
            'builds',
            b => b.id,
            q => this.#ml.listBuilds(id, model.id, q, as),
          ),
          // Only the active deployment matters; a model without one needs
          // no request for them.
          model.activeDeploymentId
            ? list<ModelDeployment>(
                'deployments',
                d => d.id,
                q => this.#ml.listDeployments(id, model.id, q, as),
              )
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
    resource: string,
    key: (item: T) => string,
    fetchPage: (query: MlListQuery) => Promise<MlListPage<T>>,
    options: {
      /**
       * Collects the lists that refused the token (401/403); with it, such a
       * list and a 404 read as no items.
       */
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
        const query = { pageSize: this.#pageSize, pageToken };
        const page = await this.#orMissing(() => fetchPage(query), {
          missing: !!options.refused,
          refused: !!options.refused,
        });
        if (page === REFUSED) {
          // This ML backend lets only users read the list: the catalog
          // cannot mirror it (the provider warns).
          options.refused?.add(resource);
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
              `The ML backend returned the page token '${pageToken}' of its ${resource} twice`,
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

  /**
   * The answer of `call`, or where the options allow: undefined for a 404,
   * REFUSED for a refused token (401/403).
   */
  async #orMissing<T>(
    call: () => Promise<T>,
    options: { missing: boolean; refused: boolean },
  ): Promise<T | undefined | typeof REFUSED> {
    try {
      return await call();
    } catch (error) {
      if (options.missing && isMlResponseError(error, 404)) {
        return undefined;
      }
      if (options.refused && isMlResponseError(error, 401, 403)) {
        return REFUSED;
      }
      throw error;
    }
  }
}
