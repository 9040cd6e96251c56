import { mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { DefaultMlService, MlService } from '@ml-platform/plugin-ml-node';
import { FakeMlflow } from './FakeMlflow';

/** One request the fake ML API received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The user the token was minted on behalf of (`obo` of the mock token). */
  onBehalfOf?: string;
  body: unknown;
}

type Handler = (
  req: RecordedRequest,
  id: string,
) => { status: number; body?: unknown };

/**
 * A loopback HTTP server that answers the routes the actions call, keeps
 * what was created, and records every request. Polled things (runs, builds,
 * deployments, applications) report a pending state `pendingPolls` times
 * before their final state, so the waiting code really waits.
 */
export class FakeMlApi {
  readonly requests: RecordedRequest[] = [];
  readonly files = new Map<string, Buffer>();
  /** Final states the polled resources reach; tests may change them. */
  finalStates = {
    run: 'succeeded',
    build: 'built',
    deployment: 'deployed',
    application: 'running',
  };
  pendingPolls = 2;
  /** MLflow's API under `/mlflow/api/2.0/mlflow`: its runs and registry. */
  readonly mlflow = new FakeMlflow();
  /** The auth service the clients mint the user's tokens with. */
  readonly auth = mockServices.auth({ pluginId: 'scaffolder' });
  /** Whether creating an application also starts it. */
  createStartsApplications = false;
  /** Set to make the next matching request fail with this status. */
  failNext?: {
    method: string;
    pathPattern: RegExp;
    status: number;
    message: string;
  };

  readonly #server: http.Server;
  readonly #polls = new Map<string, number>();
  readonly #routes: Array<[string, RegExp, Handler]>;

  private constructor() {
    this.#server = http.createServer((req, res) => this.#handle(req, res));
    this.#routes = [
      [
        'POST',
        /^\/projects$/,
        r => this.#created(r, { workspace: (r.body as any).workspace }),
      ],
      [
        'GET',
        /^\/projects\/([^/]+)$/,
        (_r, id) =>
          this.#things.has(id)
            ? { status: 200, body: this.#things.get(id) }
            : {
                status: 404,
                body: {
                  error: { name: 'NotFoundError', message: `no project ${id}` },
                  response: { statusCode: 404 },
                },
              },
      ],
      [
        'PUT',
        /^\/projects\/([^/]+)\/files\/content$/,
        (r, id) => {
          this.files.set(`${id}:${r.query.path}`, (r as any).raw);
          return { status: 200, body: { path: r.query.path } };
        },
      ],
      [
        'POST',
        /^\/projects\/([^/]+)\/jobs$/,
        (r, id) => this.#created(r, { projectId: id }),
      ],
      [
        'POST',
        /^\/projects\/([^/]+)\/jobs\/([^/]+)\/runs$/,
        () => this.#created(null, { kind: 'job', state: 'queued' }),
      ],
      [
        'GET',
        /^\/workloads\/([^/]+)$/,
        (_r, id) => this.#poll(id, 'run', 'running'),
      ],
      [
        'POST',
        /^\/projects\/([^/]+)\/models$/,
        (r, id) => this.#created(r, { projectId: id }),
      ],
      [
        'POST',
        /^\/projects\/[^/]+\/models\/([^/]+)\/builds$/,
        (r, id) =>
          this.#created(r, { modelId: id, number: 1, state: 'queued' }),
      ],
      [
        'GET',
        /^\/projects\/[^/]+\/models\/[^/]+\/builds\/([^/]+)$/,
        (_r, id) => this.#poll(id, 'build', 'building'),
      ],
      [
        'POST',
        /^\/projects\/[^/]+\/models\/([^/]+)\/deployments$/,
        (r, id) =>
          this.#created(r, {
            modelId: id,
            state: 'deploying',
            replicaStatus: [],
          }),
      ],
      [
        'GET',
        /^\/projects\/[^/]+\/models\/[^/]+\/deployments\/([^/]+)$/,
        (_r, id) => this.#poll(id, 'deployment', 'deploying'),
      ],
      [
        'POST',
        /^\/projects\/([^/]+)\/applications$/,
        (r, id) =>
          this.#created(r, {
            projectId: id,
            state: this.createStartsApplications ? 'queued' : 'stopped',
            url: `apps/${(r!.body as any).slug}/`,
          }),
      ],
      [
        'GET',
        /^\/projects\/[^/]+\/applications\/([^/]+)$/,
        (_r, id) => this.#poll(id, 'application', 'starting'),
      ],
      [
        'POST',
        /^\/projects\/[^/]+\/applications\/([^/]+)\/start$/,
        (_r, id) => {
          const app = this.#things.get(id)!;
          app.state = 'queued';
          return { status: 200, body: app };
        },
      ],
      [
        'PUT',
        /^\/projects\/[^/]+\/models\/([^/]+)\/monitoring-settings$/,
        (r, id) => ({
          status: 200,
          body: {
            modelId: id,
            configured: true,
            features: [],
            baselineSize: 10000,
            ...(r.body as object),
            source: 'settings',
            baselines: [],
          },
        }),
      ],
      [
        'POST',
        /^\/projects\/[^/]+\/models\/([^/]+)\/drift-baseline$/,
        r => ({
          status: 200,
          body: {
            items: [
              {
                feature: 'size',
                type: 'numeric',
                size: 100,
                source: `${(r.body as any).source} of the test`,
                createdAt: new Date().toISOString(),
              },
            ],
          },
        }),
      ],
      [
        'POST',
        /^\/projects\/([^/]+)\/models\/([^/]+)\/monitors$/,
        (r, id) => this.#created(r, { projectId: id, state: 'pending' }),
      ],
      [
        'PUT',
        /^\/projects\/[^/]+\/models\/([^/]+)\/promotion-policy$/,
        (r, id) => ({
          status: 200,
          body: {
            modelId: id,
            enabled: true,
            source: 'mlflowRun',
            margin: 0,
            ...(r.body as object),
            updatedBy: r.onBehalfOf,
            updatedAt: new Date().toISOString(),
          },
        }),
      ],
      ...this.mlflow.routes(),
    ];
  }

  readonly #things = new Map<string, any>();

  static async start(): Promise<FakeMlApi> {
    const api = new FakeMlApi();
    await new Promise<void>(resolve =>
      api.#server.listen(0, '127.0.0.1', resolve),
    );
    return api;
  }

  get baseUrl() {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api/ml`;
  }

  /** An ML service whose discovery points at this server and whose auth is the mock auth service. */
  client(): MlService {
    const baseUrl = this.baseUrl;
    return new DefaultMlService({
      discovery: {
        getBaseUrl: async () => baseUrl,
        getExternalBaseUrl: async () => 'https://portal.example.com/api/ml',
      },
      auth: this.auth,
    });
  }

  /** What the actions are made with: the ML service and the auth service. */
  actionOptions() {
    return { ml: this.client(), auth: this.auth, pollIntervalMs: 10 };
  }

  /** Requests that created something (POSTs other than start). */
  creations(pathPattern: RegExp) {
    return this.requestsTo('POST', pathPattern);
  }

  /** Requests with this method to a path matching `pathPattern`. */
  requestsTo(method: string, pathPattern: RegExp) {
    return this.requests.filter(
      r => r.method === method && pathPattern.test(r.path),
    );
  }

  /** Makes the next matching request fail as the ML API refuses things. */
  refuseNext(
    method: string,
    pathPattern: RegExp,
    status: number,
    message: string,
  ) {
    this.failNext = { method, pathPattern, status, message };
  }

  /** Makes a project exist, as if created before the test. */
  addProject(id: string) {
    this.#things.set(id, { id, name: 'existing', workspace: 'demo' });
  }

  thing(id: string) {
    return this.#things.get(id);
  }

  async stop() {
    this.#server.closeAllConnections();
    await new Promise(resolve => this.#server.close(resolve));
  }

  #created(req: RecordedRequest | null, extra: Record<string, unknown>) {
    const thing = { id: randomUUID(), ...(req?.body as object), ...extra };
    this.#things.set(thing.id, thing);
    return { status: 201, body: thing };
  }

  #poll(id: string, kind: keyof FakeMlApi['finalStates'], pending: string) {
    const thing = this.#things.get(id);
    if (!thing)
      return {
        status: 404,
        body: { error: { name: 'NotFoundError', message: `no ${id}` } },
      };
    // A stopped application stays stopped until it is started.
    if (thing.state === 'stopped') return { status: 200, body: thing };
    const seen = (this.#polls.get(id) ?? 0) + 1;
    this.#polls.set(id, seen);
    const done = seen > this.pendingPolls;
    thing.state = done ? this.finalStates[kind] : pending;
    if (kind === 'deployment') {
      thing.replicaStatus = [
        { workloadId: 'w', index: 0, state: 'running', ready: done },
      ];
    }
    if (done && kind === 'run' && thing.state !== 'succeeded') {
      thing.reason = 'exit code 1';
    }
    return { status: 200, body: thing };
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const path = url.pathname.replace(/^\/api\/ml/, '');
      const raw = Buffer.concat(chunks);
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      let onBehalfOf: string | undefined;
      try {
        onBehalfOf = JSON.parse(token.slice(token.indexOf('{'))).obo;
      } catch {
        onBehalfOf = undefined;
      }
      const isJson = String(req.headers['content-type']).includes('json');
      const recorded: RecordedRequest = {
        method: req.method!,
        path,
        query: Object.fromEntries(url.searchParams),
        onBehalfOf,
        body: isJson && raw.length ? JSON.parse(raw.toString()) : undefined,
      };
      this.requests.push(recorded);
      const reply = (status: number, body?: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const failure = this.failNext;
      if (
        failure &&
        failure.method === req.method &&
        failure.pathPattern.test(path)
      ) {
        this.failNext = undefined;
        reply(failure.status, {
          error: {
            name: failure.status === 409 ? 'ConflictError' : 'InputError',
            message: failure.message,
          },
          request: { method: req.method, url: req.url },
          response: { statusCode: failure.status },
        });
        return;
      }
      for (const [method, pattern, handler] of this.#routes) {
        const match = method === req.method ? pattern.exec(path) : null;
        if (match) {
          const result = handler(Object.assign(recorded, { raw }), match[1]);
          reply(result.status, result.body);
          return;
        }
      }
      reply(404, {
        request: { method: req.method, url: req.url },
        response: { statusCode: 404 },
        error: {
          name: 'NotFoundError',
          message: `no route ${req.method} ${path}`,
        },
      });
    });
  }
}
