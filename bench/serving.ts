/**
 * Serving overhead: the same requests sent straight to model replicas and
 * through the portal's prediction endpoint, in one run.
 *
 *   node --expose-gc -r @backstage/cli/config/nodeTransform.cjs bench/serving.ts [options]
 *
 * Options: --requests 3000 (per series)  --replicas 4  --memory-requests 100000
 *
 * Replicas are the real `python3 -m ml_platform.model_server` processes
 * (one request at a time each) serving `predict(args) -> {"sum": a + b}`.
 * The portal side is the plugin's serving router (ModelGateway, ReplicaPool,
 * ReplicaClient, PredictionRecorder on a SQLite file) in an express app on
 * loopback, behind an in-memory ModelDirectory (the real one answers from
 * its cache the same way). Backstage's root middleware (auth barrier,
 * helmet, CORS, request log) is not in the path.
 *
 * Series: direct c=1 (one replica), portal c=1; direct c=16 (16 callers
 * spread over the 4 replicas, each replica's requests queued client-side,
 * one connection per replica), portal c=16; portal c=16 with recording off.
 * Then the process's RSS before and after --memory-requests proxied requests.
 * Nothing asserts timing: it prints figures and ratios.
 */
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { ConfigReader } from '@backstage/config';
import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { PredictionStore } from '../plugins/ml-backend/src/database/PredictionStore';
import { FakeModelDirectory, ModelReplicas, RunningReplica } from '../plugins/ml-backend/src/serving/__testUtils__/modelReplicas';
import { ModelGateway } from '../plugins/ml-backend/src/serving/ModelGateway';
import { PredictionRecorder } from '../plugins/ml-backend/src/serving/PredictionRecorder';
import { ReplicaClient } from '../plugins/ml-backend/src/serving/ReplicaClient';
import { createServingRouter } from '../plugins/ml-backend/src/serving/servingRouter';
import { sqliteOpener } from './lib/db';
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
const BODY = Buffer.from(JSON.stringify({ a: 1, b: 2 }));

interface Series {
  name: string;
  latencies: number[];
  seconds: number;
  failures: number;
}

function post(agent: http.Agent, url: URL, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        agent,
        method: 'POST',
        hostname: url.hostname,
        port: url.port,
        path,
        headers: { 'content-type': 'application/json', 'content-length': BODY.length },
      },
      res => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(BODY);
  });
}

/** `requests` calls by `concurrency` callers; `target(i)` says where caller i sends. */
async function run(
  name: string,
  requests: number,
  concurrency: number,
  target: (caller: number) => { agent: http.Agent; url: URL; path: string },
): Promise<Series> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, caller) => {
      const { agent, url, path } = target(caller);
      while (next < requests) {
        next += 1;
        try {
          latencies.push(await post(agent, url, path));
        } catch {
          failures += 1;
        }
      }
    }),
  );
  return { name, latencies, seconds: (performance.now() - started) / 1000, failures };
}

function line(s: Series) {
  const l = summarize(s.latencies);
  return `${s.name.padEnd(34)} ${fmt(s.latencies.length / s.seconds, 0).padStart(7)} req/s   p50 ${fmt(l.p50, 3)} ms   p99 ${fmt(l.p99, 3)} ms   failed ${s.failures}`;
}

async function startPortal(directory: FakeModelDirectory, recorder: PredictionRecorder | undefined) {
  const logger = silentLogger();
  const gateway = new ModelGateway({
    directory,
    client: new ReplicaClient({ timeoutMs: 60_000 }),
    recorder,
    options: { queueTimeoutMs: 60_000, failureRestMs: 1000 },
  });
  const app = express().use(
    '/api/ml',
    express.Router()
      .use(createServingRouter({ gateway, access: {} as any, maxBodyBytes: 5 * 1024 * 1024 }))
      .use(MiddlewareFactory.create({ config: new ConfigReader({}), logger }).error()),
  );
  const server = http.createServer(app);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return {
    url,
    async close() {
      gateway.close();
      await new Promise(resolve => server.close(resolve));
    },
  };
}

async function main() {
  const args = parseArgs();
  const requests = numberArg(args, 'requests', 3000);
  const replicaCount = numberArg(args, 'replicas', 4);
  const memoryRequests = numberArg(args, 'memory-requests', 100_000);
  header('Serving: direct to replicas vs through the portal endpoint');
  console.log(machine());

  const replicas = new ModelReplicas();
  const db = await sqliteOpener()('serving');
  try {
    const running: RunningReplica[] = [];
    for (let i = 0; i < replicaCount; i++) running.push(await replicas.start('predict', i));
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
      { batchSize: 500, flushIntervalMs: 1000, maxBuffered: 100_000 },
    );
    const recorded = await startPortal(directory, recorder);
    const unrecorded = await startPortal(directory, undefined);

    // One connection per replica for direct calls: a replica serves one at a time.
    const directAgents = running.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    const direct = (replicaIndex: number) => ({ agent: directAgents[replicaIndex], url: new URL(running[replicaIndex].url), path: '/predict' });
    const portalAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const via = (portal: { url: URL }, model: string) => () => ({
      agent: portalAgent,
      url: portal.url,
      path: `/api/ml/projects/${PROJECT}/models/${model}/predict`,
    });
    // Idle kept-alive sockets hold a single-connection replica; close them between series.
    const settle = async () => {
      for (const agent of directAgents) agent.destroy();
      directAgents.splice(0, directAgents.length, ...running.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 })));
      await new Promise(resolve => setTimeout(resolve, 1500));
    };

    // Warm-up of both paths.
    await run('warm-up direct', 300, 1, () => direct(0));
    await settle();
    await run('warm-up portal', 300, 4, via(recorded, 'all'));
    await settle();

    const d1 = await run('direct        c=1 (1 replica)', requests, 1, () => direct(0));
    await settle();
    const p1 = await run('portal        c=1 (1 replica)', requests, 1, via(recorded, 'one'));
    await settle();
    const d16 = await run(`direct        c=16 (${replicaCount} replicas)`, requests * 2, 16, caller => direct(caller % replicaCount));
    await settle();
    const p16 = await run(`portal        c=16 (${replicaCount} replicas)`, requests * 2, 16, via(recorded, 'all'));
    await settle();
    const p16off = await run(`portal c=16, recording off`, requests * 2, 16, via(unrecorded, 'all'));
    await settle();
    const p16on = await run(`portal c=16, recording on (again)`, requests * 2, 16, via(recorded, 'all'));
    await recorder.flush();

    console.log('');
    for (const s of [d1, p1, d16, p16, p16off, p16on]) console.log(line(s));
    const added = (p: Series, d: Series) => {
      const ps = summarize(p.latencies);
      const ds = summarize(d.latencies);
      return `added p50 ${fmt(ps.p50 - ds.p50, 3)} ms, p99 ${fmt(ps.p99 - ds.p99, 3)} ms; throughput ${fmt((p.latencies.length / p.seconds) / (d.latencies.length / d.seconds), 2)}x of direct`;
    };
    console.log('');
    console.log(`c=1:  ${added(p1, d1)}`);
    console.log(`c=16: ${added(p16, d16)}`);
    const rate = (s: Series) => s.latencies.length / s.seconds;
    const onRate = (rate(p16) + rate(p16on)) / 2;
    console.log(`recording on vs off (c=16): ${fmt(onRate, 0)} vs ${fmt(rate(p16off), 0)} req/s -> costs ${fmt((1 - onRate / rate(p16off)) * 100, 1)} %`);
    const stored = await db.knex('model_predictions').count<{ n: number }[]>({ n: '*' });
    console.log(`predictions recorded: ${stored[0].n}`);

    // Memory: the gateway process (which here is also the load generator).
    await settle();
    await collectGarbage();
    const before = memory();
    const m = await run(`portal c=16 x ${memoryRequests}`, memoryRequests, 16, via(recorded, 'all'));
    await recorder.flush();
    await collectGarbage();
    const after = memory();
    console.log('');
    console.log(line(m));
    console.log(`before: ${describeMemory(before)}`);
    console.log(`after:  ${describeMemory(after)}`);
    console.log(`RSS growth over ${memoryRequests} proxied requests: ${fmt(after.rssMiB - before.rssMiB)} MiB`);

    await recorder.stop();
    await recorded.close();
    await unrecorded.close();
    for (const agent of [...directAgents, portalAgent]) agent.destroy();
  } finally {
    await replicas.stopAll();
    await db.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
