import http from 'node:http';
import { ObjectStore, Watcher } from './ObjectStore';
import { sendStatus } from './responses';

/** What a watch asks for. */
export interface WatchRequest {
  resource: string;
  namespace?: string;
  selector: string;
  query: URLSearchParams;
}

/**
 * A watch: 410 Gone (as an ERROR event) from a compacted resourceVersion,
 * else the events since it and then every write, until `timeoutSeconds`.
 */
export function serveWatch(
  store: ObjectStore,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  { resource, namespace, selector, query }: WatchRequest,
): void {
  const from = Number(query.get('resourceVersion') ?? store.rv);
  res.writeHead(200, { 'Content-Type': 'application/json' });
  if (from < store.compactedRv) {
    res.end(
      `${JSON.stringify({
        type: 'ERROR',
        object: {
          kind: 'Status',
          code: 410,
          reason: 'Expired',
          message: `too old resource version: ${from} (${store.compactedRv})`,
        },
      })}\n`,
    );
    return;
  }
  for (const e of store.eventsSince(from, resource, namespace, selector)) {
    res.write(`${JSON.stringify({ type: e.type, object: e.object })}\n`);
  }
  const watcher: Watcher = { resource, namespace, selector, res };
  store.watchers.add(watcher);
  const timeout = Number(query.get('timeoutSeconds') ?? 0);
  const timer = timeout
    ? setTimeout(() => res.end(), timeout * 1000)
    : undefined;
  const done = () => {
    store.watchers.delete(watcher);
    if (timer) clearTimeout(timer);
  };
  res.on('close', done);
  req.on('close', done);
}

/**
 * A pod's log: 400 while the pod is Pending (as for a container not started
 * yet), else the lines so far and, with `follow`, new ones while it runs.
 */
export function servePodLog(
  store: ObjectStore,
  logs: Map<string, string[]>,
  res: http.ServerResponse,
  pod: { namespace: string; name: string; follow: boolean },
): void {
  const { namespace, name, follow } = pod;
  const found = store.get('pods', namespace, name);
  if (!found) {
    sendStatus(res, 404, 'NotFound', `pods "${name}" not found`);
    return;
  }
  if (found.status?.phase === 'Pending') {
    sendStatus(
      res,
      400,
      'BadRequest',
      `container "main" in pod "${name}" is waiting to start: PodInitializing`,
    );
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  const lines = logs.get(`${namespace}/${name}`) ?? [];
  let sent = 0;
  const flush = () => {
    while (sent < lines.length) res.write(`${lines[sent++]}\n`);
  };
  flush();
  if (!follow) {
    res.end();
    return;
  }
  const timer = setInterval(() => {
    flush();
    const phase = store.get('pods', namespace, name)?.status?.phase;
    if (phase !== 'Running') {
      clearInterval(timer);
      res.end();
    }
  }, 20);
  res.on('close', () => clearInterval(timer));
}
