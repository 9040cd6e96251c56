import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { MlPlatformApi } from '../provider/MlPlatformReader';
import { demoWorkspace, python } from './fixtures';

/**
 * The items of a list call of the ML API, as the fake keeps them to answer
 * it: typed from the calls the reader makes, so the fake follows the API.
 */
type Listed<Call extends keyof MlPlatformApi & `list${string}`> = Awaited<
  ReturnType<MlPlatformApi[Call]>
>['items'];

/**
 * A fake ML backend on a loopback port, or mounted in a test backend. Lists answer in pages (projects in
 * the pages given, everything else in one page); only requests with a
 * service token for `ml` are answered. With `modelRoutes: false` it is an
 * ML backend from before models and applications existed (404 for them).
 */
export class FakeMlBackend {
  workspaces: Listed<'listWorkspaces'> = [];
  runtimes: Listed<'listRuntimes'> = [];
  projectPages: Listed<'listProjects'>[] = [];
  models = new Map<string, Listed<'listModels'>>();
  builds = new Map<string, Listed<'listBuilds'>>();
  deployments = new Map<string, Listed<'listDeployments'>>();
  applications = new Map<string, Listed<'listApplications'>>();
  jobs = new Map<string, Listed<'listJobs'>>();
  collaborators = new Map<string, Listed<'listCollaborators'>>();
  modelRoutes = true;
  failProjects = false;
  /** Applications only for users (401 to the catalog's service token). */
  applicationsForUsersOnly = false;
  /** Collaborators only for users (403 to the catalog's service token). */
  collaboratorsForUsersOnly = false;
  readonly requests: string[] = [];
  readonly #server = http.createServer((req, res) => this.#handle(req, res));

  /**
   * The fake as a request handler, to mount as the `ml` plugin's router of
   * a test backend (so that discovery finds it there).
   */
  readonly handler = (req: http.IncomingMessage, res: http.ServerResponse) =>
    this.#handle(req, res);

  /**
   * The fake as the `ml` plugin of a test backend, serving where discovery
   * finds the ML backend; `events()` is the events service the plugin got,
   * to publish `ml.changes` as the real one does.
   */
  asMlPlugin() {
    let events: EventsService | undefined;
    const plugin = createBackendPlugin({
      pluginId: 'ml',
      register: reg => {
        reg.registerInit({
          deps: { http: coreServices.httpRouter, e: eventsServiceRef },
          init: async ({ http: router, e }) => {
            events = e;
            router.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
            router.use(this.handler);
          },
        });
      },
    });
    return {
      plugin,
      events: () => {
        if (!events) throw new Error('The ml plugin has not started yet');
        return events;
      },
    };
  }

  async start(): Promise<string> {
    await new Promise<void>(resolve =>
      this.#server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api/ml`;
  }

  async stop() {
    this.#server.closeAllConnections();
    await new Promise(resolve => this.#server.close(resolve));
  }

  /** The demo workspace and its Python runtime, with `projects` in one page. */
  seedDemoPlatform(projects: Listed<'listProjects'>) {
    this.workspaces = [demoWorkspace];
    this.runtimes = [python];
    this.projectPages = [projects];
  }

  reset() {
    this.workspaces = [];
    this.runtimes = [];
    this.projectPages = [];
    this.models.clear();
    this.builds.clear();
    this.deployments.clear();
    this.applications.clear();
    this.jobs.clear();
    this.collaborators.clear();
    this.modelRoutes = true;
    this.failProjects = false;
    this.applicationsForUsersOnly = false;
    this.collaboratorsForUsersOnly = false;
    this.requests.length = 0;
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url!, 'http://localhost');
    this.requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const notFound = () =>
      send(404, { error: { name: 'NotFoundError', message: url.pathname } });
    const list = (items: unknown[] | undefined) =>
      items ? send(200, { items, total_size: items.length }) : notFound();
    // The lists of a project's models and applications are not paged.
    const unpaged = (items: unknown[]) => send(200, { items });
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !auth.includes('"target":"ml"')) {
      send(401, {
        error: { name: 'AuthenticationError', message: 'no token' },
      });
      return;
    }
    const path = url.pathname.replace(/^\/api\/ml/, '');
    const parts = path.split('/').filter(Boolean);
    const allProjects = this.projectPages.flat();
    if (path === '/workspaces') {
      list(this.workspaces);
    } else if (path === '/runtimes') {
      list(this.runtimes);
    } else if (path === '/projects') {
      if (this.failProjects) {
        send(500, { error: { name: 'Error', message: 'database is locked' } });
        return;
      }
      const index = Number(url.searchParams.get('page_token') ?? 0);
      const next =
        index + 1 < this.projectPages.length ? String(index + 1) : undefined;
      send(200, {
        items: this.projectPages[index] ?? [],
        total_size: allProjects.length,
        ...(next ? { next_page_token: next } : {}),
      });
    } else if (parts[0] === 'projects' && parts.length >= 2) {
      const project = allProjects.find(p => p.id === parts[1]);
      if (!project) {
        notFound();
      } else if (parts.length === 2) {
        send(200, project);
      } else if (parts.length === 3 && parts[2] === 'jobs') {
        list(this.jobs.get(project.id) ?? []);
      } else if (parts.length === 3 && parts[2] === 'collaborators') {
        if (this.collaboratorsForUsersOnly) {
          send(403, {
            error: { name: 'NotAllowedError', message: 'users only' },
          });
        } else {
          unpaged(this.collaborators.get(project.id) ?? []);
        }
      } else if (!this.modelRoutes) {
        notFound();
      } else if (parts.length === 3 && parts[2] === 'models') {
        unpaged(this.models.get(project.id) ?? []);
      } else if (
        parts.length === 3 &&
        parts[2] === 'applications' &&
        this.applicationsForUsersOnly
      ) {
        send(401, {
          error: { name: 'AuthenticationError', message: 'users only' },
        });
      } else if (parts.length === 3 && parts[2] === 'applications') {
        unpaged(this.applications.get(project.id) ?? []);
      } else if (parts.length === 5 && parts[2] === 'models') {
        const modelId = parts[3];
        if (parts[4] === 'builds') {
          unpaged(this.builds.get(modelId) ?? []);
        } else if (parts[4] === 'deployments') {
          unpaged(this.deployments.get(modelId) ?? []);
        } else {
          notFound();
        }
      } else {
        notFound();
      }
    } else {
      notFound();
    }
  }
}
