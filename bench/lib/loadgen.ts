/**
 * An HTTP load generator that runs in its own process (forked by a bench),
 * so the process under test does not also do the client's HTTP work.
 *
 * The parent sends `{ id, run: LoadRun }` over IPC; the child answers
 * `{ id, result: LoadResult }` (or `{ id, error }`). Each caller of a run
 * keeps one kept-alive connection to its target and sends the same POST
 * body again as soon as the previous answer has fully arrived.
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
  body: string;
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
  const body = Buffer.from(spec.body);
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

  const post = (t: LoadTarget, agent: http.Agent) =>
    new Promise<number>((resolve, reject) => {
      const sent = performance.now();
      const req = http.request(
        {
          agent,
          method: 'POST',
          host: t.host,
          port: t.port,
          path: t.path,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            ...spec.headers,
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => {
            if (res.statusCode === 200) resolve(performance.now() - sent);
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

  const caller = async (index: number) => {
    const target = spec.targets[index % spec.targets.length];
    const agent = agentFor(target);
    while (issued < spec.requests) {
      issued += 1;
      try {
        latencies.push(await post(target, agent));
      } catch (error) {
        failures += 1;
        if (failureSamples.length < 5) failureSamples.push(String(error));
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
