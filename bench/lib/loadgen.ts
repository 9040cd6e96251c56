/**
 * An HTTP load generator that runs in its own process (forked by a bench),
 * so the process under test does not also do the client's HTTP work.
 *
 * The parent sends `{ id, run: LoadRun }` over IPC; the child answers
 * `{ id, result: LoadResult }` (or `{ id, error }`). Each caller of a run
 * keeps one kept-alive connection to its target and sends the next request
 * as soon as the previous answer has fully arrived: the same POST body
 * again, or the next of `bodies` / `paths` when a run lists several.
 */
import http from 'node:http';

export interface LoadTarget {
  host: string;
  port: number;
  path: string;
  /** Callers sharing a key share one agent with at most `maxSockets` connections. */
  agentKey: string;
  maxSockets: number;
}

export interface LoadRun {
  requests: number;
  concurrency: number;
  /** Target of caller i: `targets[i % targets.length]`. */
  targets: LoadTarget[];
  /**
   * Each target takes one request at a time and a caller sends to whichever
   * is free (waiting in line when none is): a client-side balancer over
   * single-request replicas, the best a caller with direct access can do.
   */
  balance?: boolean;
  body: string;
  /** Request k sends `bodies[k % bodies.length]` instead of `body`. */
  bodies?: string[];
  /** Request k goes to `paths[k % paths.length]` instead of its target's path. */
  paths?: string[];
  /** POST unless given; a GET sends no body. */
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
}

export interface LoadResult {
  /** Milliseconds per successful request, in completion order. */
  latencies: number[];
  seconds: number;
  failures: number;
  /** The first few failures' messages. */
  failureSamples: string[];
}

function runLoad(spec: LoadRun): Promise<LoadResult> {
  const bodies = (spec.bodies ?? [spec.body]).map(b => Buffer.from(b));
  const method = spec.method ?? 'POST';
  const agents = new Map<string, http.Agent>();
  const agentFor = (t: LoadTarget) => {
    let agent = agents.get(t.agentKey);
    if (!agent) {
      agent = new http.Agent({ keepAlive: true, maxSockets: t.maxSockets });
      agents.set(t.agentKey, agent);
    }
    return agent;
  };
  const latencies: number[] = [];
  const failureSamples: string[] = [];
  let failures = 0;
  let issued = 0;
  const started = performance.now();

  const send = (t: LoadTarget, agent: http.Agent, k: number) =>
    new Promise<void>((resolve, reject) => {
      const body = method === 'GET' ? undefined : bodies[k % bodies.length];
      const req = http.request(
        {
          agent,
          method,
          host: t.host,
          port: t.port,
          path: spec.paths ? spec.paths[k % spec.paths.length] : t.path,
          headers: {
            ...(body
              ? {
                  'content-type': 'application/json',
                  'content-length': body.length,
                }
              : {}),
            ...spec.headers,
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => {
            if (res.statusCode === 200) resolve();
            else
              reject(
                new Error(
                  `HTTP ${res.statusCode}: ${Buffer.concat(chunks)
                    .toString('utf8')
                    .slice(0, 200)}`,
                ),
              );
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const free = [...spec.targets];
  const queue: Array<(t: LoadTarget) => void> = [];
  const take = (): Promise<LoadTarget> =>
    free.length > 0
      ? Promise.resolve(free.pop()!)
      : new Promise(resolve => queue.push(resolve));
  const give = (t: LoadTarget) => {
    const next = queue.shift();
    if (next) next(t);
    else free.push(t);
  };

  const caller = async (index: number) => {
    while (issued < spec.requests) {
      const k = issued++;
      // Timed from when the caller wants to send: a wait for a free
      // replica counts, as it does behind the portal's queue.
      const wanted = performance.now();
      const target = spec.balance
        ? await take()
        : spec.targets[index % spec.targets.length];
      try {
        await send(target, agentFor(target), k);
        latencies.push(performance.now() - wanted);
      } catch (error) {
        failures += 1;
        if (failureSamples.length < 5) failureSamples.push(String(error));
      } finally {
        if (spec.balance) give(target);
      }
    }
  };

  return Promise.all(
    Array.from({ length: spec.concurrency }, (_, i) => caller(i)),
  ).then(() => {
    const seconds = (performance.now() - started) / 1000;
    // Idle kept-alive sockets would hold a single-connection replica.
    for (const agent of agents.values()) agent.destroy();
    return { latencies, seconds, failures, failureSamples };
  });
}

process.on(
  'message',
  (message: { id: number; run?: LoadRun; exit?: boolean }) => {
    if (message.exit) {
      process.exit(0);
    }
    if (!message.run) return;
    runLoad(message.run).then(
      result => process.send!({ id: message.id, result }),
      error => process.send!({ id: message.id, error: String(error) }),
    );
  },
);
process.send!({ ready: true });
