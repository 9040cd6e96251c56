import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { restrictedViolations } from './podSecurity';

/** A fault the next matching requests get instead of an answer. */
export interface Fault {
  method?: string;
  path?: RegExp;
  /** An HTTP status (500, 409, 429...) or 'timeout' (accept, never answer). */
  answer: number | 'timeout';
  times: number;
}

interface Watcher {
  resource: string;
  namespace?: string;
  selector: string;
  res: http.ServerResponse;
}

interface Stored {
  resource: string;
  object: any;
}

const CLUSTER_SCOPED = new Set(['namespaces', 'nodes']);

function matches(
  selector: string,
  labels: Record<string, string> = {},
): boolean {
  return selector
    .split(',')
    .filter(Boolean)
    .every(term => {
      const [k, v] = term.split('=');
      return v === undefined ? k in labels : labels[k] === v;
    });
}

function quantity(v: string | undefined): number {
  if (!v) return 0;
  const m = /^([0-9.]+)(m|Mi|Gi)?$/.exec(v);
  if (!m) return 0;
  const n = Number(m[1]);
  return m[2] === 'm' ? n / 1000 : m[2] === 'Gi' ? n * 1024 : n;
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
  private readonly objects = new Map<string, Stored>();
  private readonly events: Array<{
    rv: number;
    type: string;
    resource: string;
    object: any;
  }> = [];
  private readonly watchers = new Set<Watcher>();
  private rv = 100;
  /** Events at or below this resourceVersion are gone: older watches get 410. */
  compactedRv = 0;
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
    for (const w of this.watchers) w.res.destroy();
    this.server.closeAllConnections();
    await new Promise(resolve => this.server.close(resolve));
  }

  /** Objects of one resource ("pods", "jobs"...), optionally in one namespace. */
  list(resource: string, namespace?: string): any[] {
    return [...this.objects.values()]
      .filter(
        s =>
          s.resource === resource &&
          (!namespace || s.object.metadata.namespace === namespace),
      )
      .map(s => s.object);
  }

  get(
    resource: string,
    namespace: string | undefined,
    name: string,
  ): any | undefined {
    return this.objects.get(this.key(resource, namespace, name))?.object;
  }

  /** Changes an object's status as a controller or kubelet would. */
  setStatus(
    resource: string,
    namespace: string | undefined,
    name: string,
    status: any,
  ): void {
    const stored = this.objects.get(this.key(resource, namespace, name));
    if (!stored) throw new Error(`no ${resource} ${namespace}/${name}`);
    this.write(resource, { ...stored.object, status }, 'MODIFIED');
  }

  /** Ends every open watch (as an apiserver restart would). */
  dropWatches(): void {
    for (const w of this.watchers) w.res.destroy();
    this.watchers.clear();
  }

  /** Forgets history: every watch from before now gets 410 Gone. */
  compact(): void {
    this.compactedRv = this.rv;
    this.events.length = 0;
  }

  /** Creates an object directly (as another client would). */
  put(resource: string, object: any): any {
    return this.write(
      resource,
      object,
      this.objects.has(
        this.key(resource, object.metadata.namespace, object.metadata.name),
      )
        ? 'MODIFIED'
        : 'ADDED',
    );
  }

  private key(resource: string, namespace: string | undefined, name: string) {
    return `${resource}/${namespace ?? ''}/${name}`;
  }

  private write(resource: string, object: any, type: string): any {
    const rv = ++this.rv;
    const stored = {
      ...object,
      metadata: {
        uid: randomUUID(),
        creationTimestamp: new Date().toISOString(),
        ...object.metadata,
        resourceVersion: String(rv),
      },
    };
    const k = this.key(
      resource,
      stored.metadata.namespace,
      stored.metadata.name,
    );
    if (type === 'DELETED') this.objects.delete(k);
    else this.objects.set(k, { resource, object: stored });
    this.events.push({ rv, type, resource, object: stored });
    for (const w of this.watchers) {
      if (w.resource !== resource) continue;
      if (w.namespace && w.namespace !== stored.metadata.namespace) continue;
      if (!matches(w.selector, stored.metadata.labels)) continue;
      w.res.write(`${JSON.stringify({ type, object: stored })}\n`);
    }
    return stored;
  }

  private remove(resource: string, object: any): void {
    this.write(resource, object, 'DELETED');
    // Garbage collection: dependents of the removed owner go too.
    for (const s of [...this.objects.values()]) {
      if (
        (s.object.metadata.ownerReferences ?? []).some(
          (o: any) => o.uid === object.metadata.uid,
        )
      ) {
        this.remove(s.resource, s.object);
      }
    }
    if (resource === 'namespaces') {
      for (const s of [...this.objects.values()]) {
        if (s.object.metadata.namespace === object.metadata.name)
          this.remove(s.resource, s.object);
      }
    }
  }

  private send(res: http.ServerResponse, code: number, body: any) {
    res.writeHead(code, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private status(
    res: http.ServerResponse,
    code: number,
    reason: string,
    message: string,
  ) {
    this.send(res, code, {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      code,
      reason,
      message,
    });
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
      this.status(
        res,
        fault.answer,
        fault.answer === 409 ? 'Conflict' : 'InternalError',
        `injected ${fault.answer}`,
      );
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length
      ? JSON.parse(Buffer.concat(chunks).toString('utf8'))
      : undefined;

    // /api/v1/... or /apis/group/version/...
    const parts = url.pathname.split('/').filter(Boolean);
    const rest = parts[0] === 'api' ? parts.slice(2) : parts.slice(3);
    let namespace: string | undefined;
    let resource: string;
    let name: string | undefined;
    let sub: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      [, namespace, resource, name, sub] = rest;
    } else {
      [resource, name] = rest;
    }
    const q = url.searchParams;
    const selector = q.get('labelSelector') ?? '';

    if (method === 'GET' && sub === 'log')
      return this.serveLog(res, namespace!, name!, q.get('follow') === 'true');
    if (method === 'GET' && !name && q.get('watch') === 'true')
      return this.watch(req, res, resource, namespace, selector, q);
    if (method === 'GET' && !name) {
      const items = this.list(resource, namespace).filter(o =>
        matches(selector, o.metadata.labels),
      );
      return this.send(res, 200, {
        kind: 'List',
        metadata: { resourceVersion: String(this.rv) },
        items: items.map(o => this.decorate(resource, o)),
      });
    }
    const existing = name ? this.get(resource, namespace, name) : undefined;
    if (method === 'GET') {
      if (!existing)
        return this.status(
          res,
          404,
          'NotFound',
          `${resource} "${name}" not found`,
        );
      return this.send(res, 200, this.decorate(resource, existing));
    }
    if (method === 'POST') {
      if (!body?.metadata?.name)
        return this.status(
          res,
          422,
          'Invalid',
          `${resource}: metadata.name: Required value`,
        );
      const ns = CLUSTER_SCOPED.has(resource) ? undefined : namespace;
      if (ns && !this.get('namespaces', undefined, ns))
        return this.status(
          res,
          404,
          'NotFound',
          `namespaces "${ns}" not found`,
        );
      if (this.get(resource, ns, body.metadata.name)) {
        return this.status(
          res,
          409,
          'AlreadyExists',
          `${resource} "${body.metadata.name}" already exists`,
        );
      }
      const refused = this.podSecurityRefusal(resource, body);
      if (refused) return this.status(res, 403, 'Forbidden', refused);
      if (resource === 'pods') {
        const refusal = this.quotaRefusal(ns!, body);
        if (refusal) return this.status(res, 403, 'Forbidden', refusal);
      }
      const created = this.write(
        resource,
        { ...body, metadata: { ...body.metadata, namespace: ns } },
        'ADDED',
      );
      if (resource === 'jobs') this.startJob(created);
      return this.send(res, 201, created);
    }
    if (!existing)
      return this.status(
        res,
        404,
        'NotFound',
        `${resource} "${name}" not found`,
      );
    if (method === 'PUT') {
      if (
        body?.metadata?.resourceVersion !== existing.metadata.resourceVersion
      ) {
        return this.status(
          res,
          409,
          'Conflict',
          'the object has been modified; please apply your changes to the latest version',
        );
      }
      return this.send(
        res,
        200,
        this.write(
          resource,
          { ...body, metadata: { ...existing.metadata, ...body.metadata } },
          'MODIFIED',
        ),
      );
    }
    if (method === 'PATCH') {
      const metadata = {
        ...existing.metadata,
        labels: { ...existing.metadata.labels, ...body?.metadata?.labels },
        annotations: {
          ...existing.metadata.annotations,
          ...body?.metadata?.annotations,
        },
        ownerReferences:
          body?.metadata?.ownerReferences ?? existing.metadata.ownerReferences,
      };
      const merged = { ...existing, metadata };
      return this.send(res, 200, this.write(resource, merged, 'MODIFIED'));
    }
    if (method === 'DELETE') {
      this.remove(resource, existing);
      return this.send(res, 200, {
        kind: 'Status',
        status: 'Success',
        details: {
          name,
          kind: resource,
          propagationPolicy: body?.propagationPolicy,
        },
      });
    }
    return this.status(res, 405, 'MethodNotAllowed', method);
  }

  /** A Job controller in one line: each new Job gets its pod. */
  private startJob(job: any) {
    const labels = job.spec.template.metadata.labels;
    this.write(
      'pods',
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${job.metadata.name}-abcde`,
          namespace: job.metadata.namespace,
          labels: { ...labels, 'job-name': job.metadata.name },
          ownerReferences: [
            {
              apiVersion: 'batch/v1',
              kind: 'Job',
              name: job.metadata.name,
              uid: job.metadata.uid,
              controller: true,
            },
          ],
        },
        spec: job.spec.template.spec,
        status: { phase: 'Pending' },
      },
      'ADDED',
    );
  }

  private podSecurityRefusal(resource: string, body: any) {
    if (this.podSecurity === 'off') return undefined;
    let spec: any;
    if (resource === 'pods') spec = body.spec;
    else if (resource === 'jobs' || resource === 'deployments') {
      spec = body.spec?.template?.spec;
    } else return undefined;
    const violations = restrictedViolations(spec);
    if (violations.length === 0) return undefined;
    return `${resource} "${
      body.metadata.name
    }" is forbidden: violates PodSecurity "restricted:latest": ${violations.join(
      ', ',
    )}`;
  }

  private quotaRefusal(namespace: string, pod: any): string | undefined {
    for (const quota of this.list('resourcequotas', namespace)) {
      const limit = quantity(quota.spec?.hard?.['requests.cpu']);
      if (!limit) continue;
      const cpuOf = (p: any) =>
        (p.spec?.containers ?? []).reduce(
          (n: number, c: any) => n + quantity(c.resources?.requests?.cpu),
          0,
        );
      const used = this.list('pods', namespace)
        .filter(p => !['Succeeded', 'Failed'].includes(p.status?.phase))
        .reduce((n, p) => n + cpuOf(p), 0);
      if (used + cpuOf(pod) > limit + 1e-9) {
        return `pods "${pod.metadata.name}" is forbidden: exceeded quota: ${
          quota.metadata.name
        }, requested: requests.cpu=${cpuOf(
          pod,
        )}, used: requests.cpu=${used}, limited: requests.cpu=${
          quota.spec.hard['requests.cpu']
        }`;
      }
    }
    return undefined;
  }

  /** ResourceQuotas get their status as the quota controller would keep it. */
  private decorate(resource: string, object: any) {
    if (resource !== 'resourcequotas') return object;
    const cpu = this.list('pods', object.metadata.namespace)
      .filter(p => !['Succeeded', 'Failed'].includes(p.status?.phase))
      .flatMap(p => p.spec?.containers ?? [])
      .reduce(
        (n: number, c: any) => n + quantity(c.resources?.requests?.cpu),
        0,
      );
    return {
      ...object,
      status: {
        hard: object.spec.hard,
        used: { 'requests.cpu': `${Math.round(cpu * 1000)}m` },
      },
    };
  }

  private watch(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    resource: string,
    namespace: string | undefined,
    selector: string,
    q: URLSearchParams,
  ) {
    const from = Number(q.get('resourceVersion') ?? this.rv);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    if (from < this.compactedRv) {
      res.end(
        `${JSON.stringify({
          type: 'ERROR',
          object: {
            kind: 'Status',
            code: 410,
            reason: 'Expired',
            message: `too old resource version: ${from} (${this.compactedRv})`,
          },
        })}\n`,
      );
      return;
    }
    for (const e of this.events) {
      if (
        e.rv > from &&
        e.resource === resource &&
        (!namespace || e.object.metadata.namespace === namespace) &&
        matches(selector, e.object.metadata.labels)
      ) {
        res.write(`${JSON.stringify({ type: e.type, object: e.object })}\n`);
      }
    }
    const watcher: Watcher = { resource, namespace, selector, res };
    this.watchers.add(watcher);
    const timeout = Number(q.get('timeoutSeconds') ?? 0);
    const timer = timeout
      ? setTimeout(() => res.end(), timeout * 1000)
      : undefined;
    const done = () => {
      this.watchers.delete(watcher);
      if (timer) clearTimeout(timer);
    };
    res.on('close', done);
    req.on('close', done);
  }

  private serveLog(
    res: http.ServerResponse,
    namespace: string,
    name: string,
    follow: boolean,
  ) {
    const pod = this.get('pods', namespace, name);
    if (!pod)
      return this.status(res, 404, 'NotFound', `pods "${name}" not found`);
    if (pod.status?.phase === 'Pending') {
      return this.status(
        res,
        400,
        'BadRequest',
        `container "main" in pod "${name}" is waiting to start: PodInitializing`,
      );
    }
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    const lines = this.logs.get(`${namespace}/${name}`) ?? [];
    let sent = 0;
    const flush = () => {
      while (sent < lines.length) res.write(`${lines[sent++]}\n`);
    };
    flush();
    if (!follow) return res.end();
    const timer = setInterval(() => {
      flush();
      const phase = this.get('pods', namespace, name)?.status?.phase;
      if (phase !== 'Running') {
        clearInterval(timer);
        res.end();
      }
    }, 20);
    res.on('close', () => clearInterval(timer));
  }
}
