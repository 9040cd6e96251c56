/**
 * Metric points: ingestion through the workload metrics API against raw
 * batched knex inserts with the same driver, and reading a 100k-point series
 * with 1M points stored.
 *
 *   node --expose-gc -r @backstage/cli/config/nodeTransform.cjs bench/metrics.ts [options]
 *
 * Options: --points 200000   points ingested per side
 *          --batch 10000     points per API request (the API's maximum) and
 *                            per raw transaction
 *          --stored 1000000  points in the database for the reads
 *          --series 100000   of which one series (model, name) has this many
 *          --reads 20        reads of the series per read path
 *          --pg <url>        also on Postgres (a new database on that server);
 *                            BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING works too
 *          --no-sqlite       Postgres only
 *
 * The API side is the plugin's own code in an express app on loopback:
 * express.json (1 MB, as createRouter mounts it), createWorkloadMetricsRouter,
 * requireWorkload with the real WorkloadTokens (an HMAC token checked on
 * every request), MonitoringService and MetricPointStore. The workload row
 * the token names comes from memory instead of the workloads table. The
 * points are what a replica's `track_metric` sends: no model (its own), no
 * prediction uuid. The client is this process, one request at a time, with
 * the bodies serialized before the clock starts.
 *
 * Raw: `knex('model_metric_points').insert(rows)` in 500-row statements, one
 * transaction per batch, on a second fresh database of the same kind.
 *
 * Reads: `GET /workload-api/v1/metrics?name=…` (read_metrics: every point as
 * an entry, JSON over HTTP) and `MetricPointStore.series` (the chart's lean
 * read, no HTTP). Nothing asserts timing: it prints figures and ratios.
 */
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { ConfigReader } from '@backstage/config';
import express from 'express';
import { Knex } from 'knex';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  createWorkloadMetricsRouter,
  FakeModelDirectory,
  insertJsonRows,
  METRIC_POINT_COLUMNS,
  MetricPointStore,
  MonitoringService,
  PredictionRecorder,
  PredictionStore,
  ReplicaUsageStore,
  requireWorkload,
  SettingsStore,
  WorkloadTokens,
} from '@ml-platform/plugin-ml-backend/testUtils';
import { AggregateMetricStore } from '../plugins/ml-backend/src/models/monitoring/AggregateMetricStore';
import { BenchDb, DbOpener, pgOpener, sqliteOpener } from './lib/db';
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
  statLine,
  summarize,
} from './lib/util';

const PROJECT = '11111111-1111-4111-8111-111111111111';
const MODEL = 'bench-model';
const DEPLOYMENT = 'bench-deployment';
const WORKLOAD = '22222222-2222-4222-8222-222222222222';
const T0 = 1_790_000_000_000;

async function startApi(knex: Knex) {
  const tokens = new WorkloadTokens(new SettingsStore(knex));
  const token = await tokens.issue({ workloadId: WORKLOAD, attempt: 1 });
  const workload = {
    id: WORKLOAD,
    attempt: 1,
    state: 'running',
    projectId: PROJECT,
    env: { ML_MODEL_ID: MODEL, ML_DEPLOYMENT_ID: DEPLOYMENT },
  };
  const workloads = {
    get: async (id: string) => (id === WORKLOAD ? workload : undefined),
  };
  const recorder = new PredictionRecorder(
    { store: new PredictionStore(knex), logger: silentLogger() },
    { batchSize: 500, flushIntervalMs: 1000, maxBuffered: 1000 },
  );
  const monitoring = new MonitoringService({
    directory: new FakeModelDirectory(),
    predictions: new PredictionStore(knex),
    points: new MetricPointStore(knex),
    usage: new ReplicaUsageStore(knex),
    aggregates: new AggregateMetricStore(knex),
    recorder,
  });
  const app = express().use(
    '/api/ml',
    express
      .Router()
      .use(express.json({ limit: '1mb' }))
      .use(
        createWorkloadMetricsRouter({
          monitoring,
          requireWorkload: requireWorkload({
            tokens,
            workloads: workloads as any,
          }),
        }),
      )
      .use(
        MiddlewareFactory.create({
          config: new ConfigReader({}),
          logger: silentLogger(),
        }).error(),
      ),
  );
  const server = http.createServer(app);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const port = (server.address() as AddressInfo).port;
  const call = (method: string, path: string, body?: Buffer) =>
    new Promise<{ status: number; bytes: number; text: () => string }>(
      (resolve, reject) => {
        const req = http.request(
          {
            agent,
            method,
            host: '127.0.0.1',
            port,
            path: `/api/ml${path}`,
            headers: {
              authorization: `Bearer ${token}`,
              ...(body
                ? {
                    'content-type': 'application/json',
                    'content-length': body.length,
                  }
                : {}),
            },
          },
          res => {
            const chunks: Buffer[] = [];
            res.on('data', c => chunks.push(c));
            res.on('end', () => {
              const all = Buffer.concat(chunks);
              resolve({
                status: res.statusCode ?? 0,
                bytes: all.length,
                text: () => all.toString('utf8'),
              });
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
  return {
    call,
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    },
  };
}

/** `count` points of a replica's track_metric, in request bodies of `batch`. */
function bodies(count: number, batch: number, name: string): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < count; i += batch) {
    const points = [];
    for (let j = i; j < Math.min(count, i + batch); j++) {
      points.push({ name, value: (j % 1000) / 7, at: T0 + j });
    }
    out.push(Buffer.from(JSON.stringify({ points })));
  }
  return out;
}

async function ingest(
  db: BenchDb,
  rawDb: BenchDb,
  points: number,
  batch: number,
) {
  const api = await startApi(db.knex);
  try {
    // Warm-up (JIT, connection, token check), on another metric name.
    for (const body of bodies(Math.min(points, 2 * batch), batch, 'warmup')) {
      const r = await api.call('POST', '/workload-api/v1/metrics', body);
      if (r.status !== 201) throw new Error(`HTTP ${r.status}: ${r.text()}`);
    }
    const requestBodies = bodies(points, batch, 'ingest');
    const perRequest: number[] = [];
    const started = performance.now();
    for (const body of requestBodies) {
      const t = performance.now();
      const r = await api.call('POST', '/workload-api/v1/metrics', body);
      if (r.status !== 201) throw new Error(`HTTP ${r.status}: ${r.text()}`);
      perRequest.push(performance.now() - t);
    }
    const apiSeconds = (performance.now() - started) / 1000;

    // Raw: the same rows through knex's multi-row insert, same batch sizes.
    const rows = (from: number, to: number) => {
      const out = [];
      for (let j = from; j < to; j++) {
        out.push({
          project_id: PROJECT,
          model_id: MODEL,
          deployment_id: DEPLOYMENT,
          prediction_uuid: null,
          kind: 'tracked',
          name: 'ingest',
          value: (j % 1000) / 7,
          at_ms: T0 + j,
        });
      }
      return out;
    };
    const rawStarted = performance.now();
    for (let i = 0; i < points; i += batch) {
      const batchRows = rows(i, Math.min(points, i + batch));
      await rawDb.knex.transaction(async tx => {
        for (let k = 0; k < batchRows.length; k += 500) {
          await tx('model_metric_points').insert(batchRows.slice(k, k + 500));
        }
      });
    }
    const rawSeconds = (performance.now() - rawStarted) / 1000;

    const [{ n }] = await db
      .knex('model_metric_points')
      .where({ name: 'ingest' })
      .count<{ n: number | string }[]>({ n: '*' });
    const apiRate = points / apiSeconds;
    const rawRate = points / rawSeconds;
    console.log(
      `ingest via POST /workload-api/v1/metrics: ${fmt(apiRate, 0)} points/s (${
        requestBodies.length
      } requests of ${batch}; ${n} stored)`,
    );
    console.log(statLine('  per request', summarize(perRequest)));
    console.log(
      `raw knex batched inserts (same driver):  ${fmt(rawRate, 0)} points/s`,
    );
    console.log(`ratio API / raw: ${fmt(apiRate / rawRate, 2)}`);
  } finally {
    await api.close();
  }
}

async function reads(
  db: BenchDb,
  stored: number,
  seriesPoints: number,
  count: number,
) {
  // The stored points: one series of `seriesPoints`, the rest spread over
  // other names of the same model and other models, interleaved in time.
  const fillStarted = performance.now();
  const names = ['latency_drift', 'feature_a', 'feature_b', 'accuracy'];
  const chunk: unknown[][] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    await insertJsonRows(
      db.knex,
      'model_metric_points',
      METRIC_POINT_COLUMNS,
      chunk.splice(0),
    );
  };
  const otherEvery = Math.max(
    1,
    Math.floor(stored / Math.max(1, stored - seriesPoints)),
  );
  let series = 0;
  for (let i = 0; i < stored; i++) {
    const inSeries =
      series < seriesPoints &&
      (i % otherEvery !== 0 || stored - i <= seriesPoints - series);
    if (inSeries) series++;
    chunk.push([
      PROJECT,
      inSeries ? MODEL : `other-model-${i % 10}`,
      DEPLOYMENT,
      null,
      'tracked',
      inSeries ? 'series' : names[i % names.length],
      i / 3,
      T0 + i,
    ]);
    if (chunk.length === 5000) await flush();
  }
  await flush();
  console.log(
    `filled ${fmt(stored, 0)} points (${fmt(series, 0)} in the series) in ${fmt(
      (performance.now() - fillStarted) / 1000,
    )} s`,
  );

  const api = await startApi(db.knex);
  try {
    const viaApi: number[] = [];
    let bytes = 0;
    let entries = 0;
    for (let i = 0; i < count + 2; i++) {
      const t = performance.now();
      const r = await api.call(
        'GET',
        `/workload-api/v1/metrics?name=series&start=${new Date(
          T0,
        ).toISOString()}&end=${new Date(T0 + stored + 1).toISOString()}`,
      );
      const ms = performance.now() - t;
      if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${r.text()}`);
      if (i === 0) entries = JSON.parse(r.text()).metrics.length;
      bytes = r.bytes;
      if (i >= 2) viaApi.push(ms);
    }
    console.log(
      statLine(
        `read_metrics over HTTP (${fmt(entries, 0)} entries, ${fmt(
          bytes / 1048576,
        )} MiB)`,
        summarize(viaApi),
      ),
    );
    const store = new MetricPointStore(db.knex);
    const lean: number[] = [];
    let n = 0;
    for (let i = 0; i < count + 2; i++) {
      const t = performance.now();
      const values = await store.series({
        modelId: MODEL,
        name: 'series',
        fromMs: T0,
        toMs: T0 + stored + 1,
      });
      const ms = performance.now() - t;
      n = values.length;
      if (i >= 2) lean.push(ms);
    }
    console.log(
      statLine(
        `MetricPointStore.series (${fmt(n, 0)} points)`,
        summarize(lean),
      ),
    );
  } finally {
    await api.close();
  }
}

async function main() {
  const args = parseArgs();
  const points = numberArg(args, 'points', 200_000);
  const batch = numberArg(args, 'batch', 10_000);
  const stored = numberArg(args, 'stored', 1_000_000);
  const seriesPoints = numberArg(args, 'series', 100_000);
  const readCount = numberArg(args, 'reads', 20);
  const pgArg = args.get('pg');
  const pgUrl =
    (typeof pgArg === 'string' ? pgArg : undefined) ??
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  const openers: Array<[string, DbOpener]> = [];
  if (!args.has('no-sqlite'))
    openers.push([
      'SQLite (better-sqlite3, Backstage defaults)',
      sqliteOpener(),
    ]);
  if (pgUrl) openers.push(['Postgres', pgOpener(pgUrl)]);
  header(
    'Metric points: ingestion through the API vs raw inserts, and a 100k-point read',
  );
  console.log(machine());

  for (const [label, open] of openers) {
    console.log(`\n--- ${label} ---`);
    const db = await open('metrics');
    const rawDb = await open('metrics_raw');
    try {
      await ingest(db, rawDb, points, batch);
      await rawDb.destroy();
      const readDb = await open('metrics_read');
      try {
        await collectGarbage();
        const before = memory();
        await reads(readDb, stored, seriesPoints, readCount);
        await collectGarbage();
        console.log(`memory before reads: ${describeMemory(before)}`);
        console.log(`memory after reads:  ${describeMemory(memory())}`);
      } finally {
        await readDb.destroy();
      }
    } finally {
      await db.destroy();
      await rawDb.destroy().catch(() => {});
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
