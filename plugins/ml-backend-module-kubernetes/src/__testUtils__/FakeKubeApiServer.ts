import type { V1Job, V1Pod } from '@kubernetes/client-node';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Json } from '../client/json';
import { podSecurityRefusal, quotaRefusal } from './fakeApi/admission';
import { jobPod, withControllerStatus } from './fakeApi/controllers';
import { ObjectStore } from './fakeApi/ObjectStore';
import {
  matchesSelector,
  ResourceObject,
  StoredObject,
} from './fakeApi/resources';
import { sendJson, sendStatus } from './fakeApi/responses';
import { servePodLog, serveWatch } from './fakeApi/streams';

/** A fault the next matching requests get instead of an answer. */
export interface Fault {
  method?: string;
  path?: RegExp;
  /** An HTTP status (500, 409, 429...) or 'timeout' (accept, never answer). */
  answer: number | 'timeout';
  times: number;
}

/** What a request may send: an object, or DeleteOptions. */
type RequestBody = StoredObject & { propagationPolicy?: string };

/** Where a request goes: /api/v1/... or /apis/group/version/... */
interface Target {
  resource: string;
  namespace?: string;
  name?: string;
  sub?: string;
}

const CLUSTER_SCOPED = new Set(['namespaces', 'nodes']);

function targetOf(pathname: string): Target {
  const parts = pathname.split('/').filter(Boolean);
  const rest = parts[0] === 'api' ? parts.slice(2) : parts.slice(3);
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const [, namespace, resource, name, sub] = rest;
    return { resource, namespace, name, sub };
  }
  const [resource, name] = rest;
  return { resource, name };
}

function parseBody(text: string): RequestBody | undefined {
  if (!text) return undefined;
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null
    ? (parsed as RequestBody)
    : undefined;
}

/**
 * An in-memory Kubernetes API server on loopback, enough for the driver:
 * create (409 AlreadyExists, 422 Invalid), get (404), list with label
 * selectors, watch from a resourceVersion (410 Gone for compacted ones),
 * delete with propagation (a namespace takes its objects, an owner its
 * dependents), merge patches, PUT with resourceVersion checks (409), a
 * ResourceQuota admission check on pods (403 exceeded quota), pod logs, and
 * faults on demand (500s, 409s, 429s, requests that never get an answer).
 */
export class FakeKubeApiServer {
  private readonly server = http.createServer((req, res) =>
    this.handle(req, res),
  );
  private readonly store = new ObjectStore();
  readonly faults: Fault[] = [];
  /** Every request as "METHOD path". */
  readonly requests: string[] = [];
  /** Pod logs by "namespace/name". */
  readonly logs = new Map<string, string[]>();
  /**
   * Pods, and the pod templates of Jobs and Deployments, must pass Pod
   * Security "restricted" (podSecurity.ts), else 403 as from the admission
   * plugin; 'off' admits anything.
   */
  podSecurity: 'restricted' | 'off' = 'restricted';
  url = '';

  async start(): Promise<string> {
    await new Promise<void>(resolve =>
      this.server.listen(0, '127.0.0.1', resolve),
    );
    this.url = `http://127.0.0.1:${
      (this.server.address() as AddressInfo).port
    }`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const w of this.store.watchers) w.res.destroy();
    this.server.closeAllConnections();
    await new Promise(resolve => this.server.close(resolve));
  }

  /** Events at or below this resourceVersion are gone: older watches get 410. */
  get compactedRv(): number {
    return this.store.compactedRv;
  }

  /** Objects of one resource ("pods", "jobs"...), optionally in one namespace. */
  list<R extends string>(resource: R, namespace?: string): ResourceObject<R>[] {
    return this.store.list(resource, namespace);
  }

  get<R extends string>(
    resource: R,
    namespace: string | undefined,
    name: string,
  ): ResourceObject<R> | undefined {
    return this.store.get(resource, namespace, name);
  }

  /** Changes an object's status as a controller or kubelet would. */
  setStatus(
    resource: string,
    namespace: string | undefined,
    name: string,
    status: unknown,
  ): void {
    const stored = this.store.get(resource, namespace, name);
    if (!stored) throw new Error(`no ${resource} ${namespace}/${name}`);
    this.store.write(resource, { ...stored, status }, 'MODIFIED');
  }

  /** Ends every open watch (as an apiserver restart would). */
  dropWatches(): void {
    for (const w of this.store.watchers) w.res.destroy();
    this.store.watchers.clear();
  }

  /** Forgets history: every watch from before now gets 410 Gone. */
  compact(): void {
    this.store.compact();
  }

  /** Creates an object directly (as another client would). */
  put<T extends StoredObject>(resource: string, object: T): T {
    const { namespace, name = '' } = object.metadata ?? {};
    return this.store.write(
      resource,
      object,
      this.store.has(resource, namespace, name) ? 'MODIFIED' : 'ADDED',
    );
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    this.requests.push(`${method} ${url.pathname}`);
    const fault = this.faults.find(
      f =>
        f.times > 0 &&
        (!f.method || f.method === method) &&
        (!f.path || f.path.test(url.pathname)),
    );
    if (fault) {
      fault.times--;
      if (fault.answer === 'timeout') return; // hold the request; stop() ends it
      sendStatus(
        res,
        fault.answer,
        fault.answer === 409 ? 'Conflict' : 'InternalError',
        `injected ${fault.answer}`,
      );
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = parseBody(Buffer.concat(chunks).toString('utf8'));
    this.route(req, res, method, url, body);
  }

  private route(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
    url: URL,
    body: RequestBody | undefined,
  ): void {
    const { resource, namespace, name, sub } = targetOf(url.pathname);
    const q = url.searchParams;
    const selector = q.get('labelSelector') ?? '';

    if (method === 'GET' && sub === 'log')
      return servePodLog(this.store, this.logs, res, {
        namespace: namespace!,
        name: name!,
        follow: q.get('follow') === 'true',
      });
    if (method === 'GET' && !name && q.get('watch') === 'true')
      return serveWatch(this.store, req, res, {
        resource,
        namespace,
        selector,
        query: q,
      });
    if (method === 'GET' && !name) {
      const items = this.list(resource, namespace).filter(o =>
        matchesSelector(selector, o.metadata?.labels),
      );
      return sendJson(res, 200, {
        kind: 'List',
        metadata: { resourceVersion: String(this.store.rv) },
        items: items.map(o => withControllerStatus(this.store, resource, o)),
      });
    }
    const existing = name ? this.get(resource, namespace, name) : undefined;
    const notFound = () =>
      sendStatus(res, 404, 'NotFound', `${resource} "${name}" not found`);
    if (method === 'GET') {
      if (!existing) return notFound();
      return sendJson(
        res,
        200,
        withControllerStatus(this.store, resource, existing),
      );
    }
    if (method === 'POST') return this.create(res, resource, namespace, body);
    if (!existing) return notFound();
    if (method === 'PUT') {
      if (
        body?.metadata?.resourceVersion !== existing.metadata?.resourceVersion
      ) {
        return sendStatus(
          res,
          409,
          'Conflict',
          'the object has been modified; please apply your changes to the latest version',
        );
      }
      return sendJson(
        res,
        200,
        this.store.write(
          resource,
          { ...body, metadata: { ...existing.metadata, ...body?.metadata } },
          'MODIFIED',
        ),
      );
    }
    if (method === 'PATCH') {
      const metadata = {
        ...existing.metadata,
        labels: { ...existing.metadata?.labels, ...body?.metadata?.labels },
        annotations: {
          ...existing.metadata?.annotations,
          ...body?.metadata?.annotations,
        },
        ownerReferences:
          body?.metadata?.ownerReferences ?? existing.metadata?.ownerReferences,
      };
      const merged = { ...existing, metadata };
      return sendJson(res, 200, this.store.write(resource, merged, 'MODIFIED'));
    }
    if (method === 'DELETE') {
      this.store.remove(resource, existing);
      return sendJson(res, 200, {
        kind: 'Status',
        status: 'Success',
        details: {
          name,
          kind: resource,
          propagationPolicy: body?.propagationPolicy,
        },
      });
    }
    return sendStatus(res, 405, 'MethodNotAllowed', method);
  }

  private create(
    res: http.ServerResponse,
    resource: string,
    namespace: string | undefined,
    body: RequestBody | undefined,
  ): void {
    if (!body?.metadata?.name)
      return sendStatus(
        res,
        422,
        'Invalid',
        `${resource}: metadata.name: Required value`,
      );
    const ns = CLUSTER_SCOPED.has(resource) ? undefined : namespace;
    if (ns && !this.get('namespaces', undefined, ns))
      return sendStatus(res, 404, 'NotFound', `namespaces "${ns}" not found`);
    if (this.get(resource, ns, body.metadata.name)) {
      return sendStatus(
        res,
        409,
        'AlreadyExists',
        `${resource} "${body.metadata.name}" already exists`,
      );
    }
    const refused =
      this.podSecurity === 'off'
        ? undefined
        : podSecurityRefusal(resource, body);
    if (refused) return sendStatus(res, 403, 'Forbidden', refused);
    if (resource === 'pods') {
      const refusal = quotaRefusal(this.store, ns!, body as Json<V1Pod>);
      if (refusal) return sendStatus(res, 403, 'Forbidden', refusal);
    }
    const created = this.store.write(
      resource,
      { ...body, metadata: { ...body.metadata, namespace: ns } },
      'ADDED',
    );
    if (resource === 'jobs')
      this.store.write('pods', jobPod(created as Json<V1Job>), 'ADDED');
    return sendJson(res, 201, created);
  }
}
