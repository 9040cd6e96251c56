/**
 * Serving overhead: the same requests sent straight to model replicas and
 * through the portal's prediction endpoint, in one run.
 *
 *   node --expose-gc -r @backstage/cli/config/nodeTransform.cjs bench/serving.ts [options]
 *
 * Options: --requests 3000 (per series and round at c=1; twice that at c=16)
 *          --rounds 2       (the series run in turn, round after round)
 *          --replicas 4     --memory-requests 100000 (0: skip)
 *          --series d1,p1,floor1,d16,p16,p16off,floor16 (which series to run; e.g. p16 alone
 *          --profile <file.cpuprofile>  a CPU profile of the backend (this
 *                           process) during the measured rounds
 *
 * Processes: this one is the backend (the plugin's serving router:
 * ModelGateway, ReplicaPool, ReplicaClient, PredictionRecorder on a SQLite
 * file, behind an in-memory ModelDirectory, in an express app on loopback
 * with the backend's error handler); the load generator is a separate node
 * process (bench/lib/loadgen.ts: kept-alive connections, one request per
 * caller at a time); the replicas are real `python3 -m
 * ml_platform.model_server` processes (one request at a time each) serving
 * `predict(args) -> {"sum": a + b}`. All share the machine's CPUs.
 *
 * Series: direct c=1 (one replica), portal c=1; direct c=16 (16 callers,
 * one connection per replica, each request to whichever replica is free,
 * the rest waiting in line in the client), portal c=16 with recording on and off, and the floor: a
 * bare node:http proxy in this process (no routing, JSON or recording).
 * Then the backend's
 * RSS before and after --memory-requests proxied requests. Besides latency
 * and throughput it prints the backend's CPU time per proxied request, which
 * does not depend on what else runs on the machine as much.
 * Nothing asserts timing: it prints figures and ratios.
 */
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { ConfigReader } from '@backstage/config';
import express from 'express';
import fs from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  createServingRouter,
  FakeModelDirectory,
  ModelGateway,
  ModelReplicas,
  PREDICTION_RECORDER_OPTIONS,
  PredictionRecorder,
  PredictionStore,
  ReplicaClient,
  RunningReplica,
} from '@ml-platform/plugin-ml-backend/testUtils';
import { startProfile } from './lib/cpuProfile';
import { sqliteOpener } from './lib/db';
import { LoadGenerator, LoadResult, LoadTarget } from './lib/loadClient';
import {
  collectGarbage,
  describeMemory,
  fmt,
  header,
  machine,
  memory,
  numberArg,
  parseArgs,
  silentLogger,
  summarize,
} from './lib/util';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const BODY = JSON.stringify({ a: 1, b: 2 });

/** A series' results, summed over rounds. */
interface Series {
  name: string;
  latencies: number[];
  seconds: number;
  failures: number;
  failureSamples: string[];
  /** Backend (this process) CPU time during the series, in ms. */
  backendCpuMs: number;
  /** ... of which in the kernel (socket reads and writes). */
  backendSysMs: number;
}

const rate = (s: Series) => s.latencies.length / s.seconds;

function line(s: Series, proxied: boolean) {
  const l = summarize(s.latencies);
  const cpu = proxied
    ? `   backend CPU ${fmt(
        (s.backendCpuMs * 1000) / Math.max(1, s.latencies.length),
        0,
      )} µs/req (sys ${fmt(
        (s.backendSysMs * 1000) / Math.max(1, s.latencies.length),
        0,
      )})`
    : '';
  return `${s.name.padEnd(30)} ${fmt(rate(s), 0).padStart(7)} req/s   p50 ${fmt(
    l.p50,
    3,
  )} ms   p99 ${fmt(l.p99, 3)} ms   mean ${fmt(l.mean, 3)} ms   failed ${
    s.failures
  }${cpu}`;
}

async function startPortal(
  directory: FakeModelDirectory,
  recorder: PredictionRecorder | undefined,
) {
  const logger = silentLogger();
  const gateway = new ModelGateway({
    directory,
    client: new ReplicaClient({ timeoutMs: 60_000 }),
    recorder,
    options: { queueTimeoutMs: 60_000, failureRestMs: 1000 },
  });
  const app = express().use(
    '/api/ml',
    express
      .Router()
      .use(
        createServingRouter({
          gateway,
          access: {} as any,
          maxBodyBytes: 5 * 1024 * 1024,
        }),
      )
      .use(
        MiddlewareFactory.create({
          config: new ConfigReader({}),
          logger,
        }).error(),
      ),
  );
  const server = http.createServer(app);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      gateway.close();
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    },
  };
}

/**
 * The floor: the least a Node proxy can do on this path (node:http server,
 * node:http client with one kept-alive socket per replica, a free list of
 * replicas, bytes passed through untouched). No routing, validation, auth,
 * uuid, JSON or recording.
 */
async function startBareProxy(replicas: RunningReplica[]) {
  // Idle sockets close after 1 s, as the gateway's do: a replica serves one
  // connection at a time and would wait for this one in the next series.
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: 1,
    timeout: 1000,
  });
  const free = replicas.map(r => new URL(r.url));
  const waiting: Array<(u: URL) => void> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const go = (u: URL) => {
        const out = http.request(
          {
            agent,
            method: 'POST',
            host: u.hostname,
            port: u.port,
            path: '/predict',
            headers: {
              'content-type': 'application/json',
              'content-length': body.length,
            },
          },
          answer => {
            const parts: Buffer[] = [];
            answer.on('data', c => parts.push(c));
            answer.on('end', () => {
              const next = waiting.shift();
              if (next) next(u);
              else free.push(u);
              const bytes = Buffer.concat(parts);
              res.writeHead(200, {
                'content-type': 'application/json',
                'content-length': bytes.length,
              });
              res.end(bytes);
            });
          },
        );
        out.end(body);
      };
      const u = free.pop();
      if (u) go(u);
      else waiting.push(go);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    },
  };
}

async function main() {
  const args = parseArgs();
  const requests = numberArg(args, 'requests', 3000);
  const rounds = numberArg(args, 'rounds', 2);
  const replicaCount = numberArg(args, 'replicas', 4);
  const memoryArg = args.get('memory-requests');
  const memoryRequests =
    memoryArg === '0' ? 0 : numberArg(args, 'memory-requests', 100_000);
  header('Serving: direct to replicas vs through the portal endpoint');
  console.log(machine());

  const replicas = new ModelReplicas();
  const db = await sqliteOpener()('serving');
  const load = await LoadGenerator.start();
  console.log(`backend pid ${process.pid}, load generator pid ${load.pid}`);
  try {
    const running: RunningReplica[] = [];
    for (let i = 0; i < replicaCount; i++) {
      running.push(await replicas.start('predict', i));
    }
    const directory = new FakeModelDirectory();
    const target = (modelId: string, reps: RunningReplica[]) => ({
      modelId,
      modelName: modelId,
      projectId: PROJECT,
      projectName: 'bench',
      disableAuthentication: true,
      deploymentId: `${modelId}-deployment`,
      replicas: reps,
    });
    directory.set(target('one', running.slice(0, 1)));
    directory.set(target('all', running));

    const recorder = new PredictionRecorder(
      { store: new PredictionStore(db.knex), logger: silentLogger() },
      PREDICTION_RECORDER_OPTIONS,
    );
    const recorded = await startPortal(directory, recorder);
    const unrecorded = await startPortal(directory, undefined);
    const bare = await startBareProxy(running);
    const bareOne = await startBareProxy(running.slice(0, 1));

    // One connection per replica for direct calls: a replica serves one at a time.
    const direct = (replicaIndex: number): LoadTarget => ({
      host: '127.0.0.1',
      port: Number(new URL(running[replicaIndex].url).port),
      path: '/predict',
      agentKey: `replica-${replicaIndex}`,
      maxSockets: 1,
    });
    const via = (portal: { port: number }, model: string): LoadTarget => ({
      host: '127.0.0.1',
      port: portal.port,
      path: `/api/ml/projects/${PROJECT}/models/${model}/predict`,
      agentKey: 'portal',
      maxSockets: 64,
    });
    // The replica closes an idle connection after 5 s, and a replica serves
    // one connection at a time: the gateway's idle sockets (1 s) must go
    // before the load generator's direct calls can get through.
    const settle = () => new Promise(resolve => setTimeout(resolve, 1500));

    const results = new Map<string, Series>();
    const measure = async (
      name: string,
      count: number,
      concurrency: number,
      targets: LoadTarget[],
      balance = false,
    ) => {
      await settle();
      const cpuBefore = process.cpuUsage();
      const r: LoadResult = await load.run({
        requests: count,
        concurrency,
        targets,
        balance,
        body: BODY,
      });
      const cpu = process.cpuUsage(cpuBefore);
      const s = results.get(name) ?? {
        name,
        latencies: [],
        seconds: 0,
        failures: 0,
        failureSamples: [],
        backendCpuMs: 0,
        backendSysMs: 0,
      };
      for (const v of r.latencies) s.latencies.push(v);
      s.seconds += r.seconds;
      s.failures += r.failures;
      s.failureSamples.push(...r.failureSamples);
      s.backendCpuMs += (cpu.user + cpu.system) / 1000;
      s.backendSysMs += cpu.system / 1000;
      results.set(name, s);
      return s;
    };

    // Warm-up of both paths (JIT, connections).
    await measure('warm-up direct', 500, 1, [direct(0)]);
    await measure('warm-up portal', 2000, 16, [via(recorded, 'all')]);
    await measure('warm-up portal off', 1000, 16, [via(unrecorded, 'all')]);

    const allDirect = running.map((_, i) => direct(i));
    const names = {
      d1: 'direct c=1 (1 replica)',
      p1: 'portal c=1 (1 replica)',
      d16: `direct c=16 (${replicaCount} replicas)`,
      p16: `portal c=16 (${replicaCount} replicas)`,
      p16off: 'portal c=16, recording off',
      floor1: 'bare node proxy c=1 (floor)',
      floor16: 'bare node proxy c=16 (floor)',
    };
    const seriesArg = args.get('series');
    const chosen = new Set(
      typeof seriesArg === 'string'
        ? seriesArg.split(',')
        : ['d1', 'p1', 'floor1', 'd16', 'p16', 'p16off', 'floor16'],
    );
    const plan: Record<keyof typeof names, () => Promise<Series>> = {
      d1: () => measure(names.d1, requests, 1, [direct(0)]),
      p1: () => measure(names.p1, requests, 1, [via(recorded, 'one')]),
      d16: () => measure(names.d16, requests * 2, 16, allDirect, true),
      p16: () => measure(names.p16, requests * 2, 16, [via(recorded, 'all')]),
      p16off: () =>
        measure(names.p16off, requests * 2, 16, [via(unrecorded, 'all')]),
      floor1: () =>
        measure(names.floor1, requests, 1, [
          { ...via(bareOne, 'one'), agentKey: 'bare-one' },
        ]),
      floor16: () =>
        measure(names.floor16, requests * 2, 16, [
          { ...via(bare, 'all'), agentKey: 'bare' },
        ]),
    };
    const profile = args.get('profile');
    const profiler =
      typeof profile === 'string' ? await startProfile() : undefined;
    for (let round = 1; round <= rounds; round++) {
      process.stdout.write(`round ${round}/${rounds} ...`);
      for (const key of Object.keys(plan) as (keyof typeof names)[]) {
        if (chosen.has(key)) await plan[key]();
      }
      console.log(' done');
    }
    if (profiler && typeof profile === 'string') {
      await fs.writeFile(profile, JSON.stringify(await profiler.stop()));
      console.log(`CPU profile of the backend: ${profile}`);
    }
    await recorder.flush();

    const get = (n: string) => results.get(n)!;
    console.log('');
    for (const key of [
      'd1',
      'p1',
      'floor1',
      'd16',
      'p16',
      'p16off',
      'floor16',
    ] as const) {
      if (results.has(names[key])) {
        console.log(line(get(names[key]), key !== 'd1' && key !== 'd16'));
      }
    }
    for (const s of results.values()) {
      if (s.failureSamples.length) {
        console.log(
          `  ${s.name} failures: ${s.failureSamples.slice(0, 3).join(' | ')}`,
        );
      }
    }
    const added = (p: Series, d: Series) => {
      const ps = summarize(p.latencies);
      const ds = summarize(d.latencies);
      return `added p50 ${fmt(ps.p50 - ds.p50, 3)} ms, p99 ${fmt(
        ps.p99 - ds.p99,
        3,
      )} ms; throughput ${fmt(rate(p) / rate(d), 2)}x of direct`;
    };
    console.log('');
    if (results.has(names.p1) && results.has(names.d1)) {
      console.log(`c=1:  ${added(get(names.p1), get(names.d1))}`);
    }
    if (results.has(names.p16) && results.has(names.d16)) {
      console.log(`c=16: ${added(get(names.p16), get(names.d16))}`);
    }
    if (results.has(names.floor1) && results.has(names.d1)) {
      console.log(
        `c=1, the bare proxy (floor): ${added(
          get(names.floor1),
          get(names.d1),
        )}`,
      );
    }
    if (results.has(names.floor16) && results.has(names.d16)) {
      console.log(
        `c=16, the bare proxy (floor): ${added(
          get(names.floor16),
          get(names.d16),
        )}`,
      );
    }
    const on = get(names.p16);
    const off = get(names.p16off);
    if (on && off)
      console.log(
        `recording on vs off (c=16): ${fmt(rate(on), 0)} vs ${fmt(
          rate(off),
          0,
        )} req/s -> costs ${fmt(
          (1 - rate(on) / rate(off)) * 100,
          1,
        )} % of throughput; ` +
          `backend CPU ${fmt(
            (on.backendCpuMs * 1000) / on.latencies.length,
            0,
          )} vs ${fmt(
            (off.backendCpuMs * 1000) / off.latencies.length,
            0,
          )} µs/req`,
      );
    const stored = await db
      .knex('model_predictions')
      .count<{ n: number }[]>({ n: '*' });
    console.log(`predictions recorded: ${stored[0].n}`);

    if (memoryRequests > 0) {
      // Memory of the backend alone: the load generator is another process.
      await settle();
      await collectGarbage();
      const before = memory();
      let peakRss = before.rssMiB;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage.rss() / 1048576);
      }, 1000);
      const m = await measure(
        `portal c=16 x ${memoryRequests}`,
        memoryRequests,
        16,
        [via(recorded, 'all')],
      );
      clearInterval(sampler);
      await recorder.flush();
      await collectGarbage();
      const after = memory();
      console.log('');
      console.log(line(m, true));
      console.log(`before: ${describeMemory(before)}`);
      console.log(`after:  ${describeMemory(after)}`);
      console.log(
        `backend RSS growth over ${memoryRequests} proxied requests: ${fmt(
          after.rssMiB - before.rssMiB,
        )} MiB (highest RSS sampled during the run ${fmt(peakRss)} MiB)`,
      );
    }

    await recorder.stop();
    await recorded.close();
    await unrecorded.close();
    await bare.close();
    await bareOne.close();
  } finally {
    await load.stop();
    await replicas.stopAll();
    await db.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
