/**
 * The MLflow tracking server: log-batch ingestion, runs/search over 10,000
 * runs and a 100,000-step metric history, through its HTTP API, each beside
 * a baseline of the same database work done directly in the same run.
 *
 *   node --expose-gc -r @backstage/cli/config/nodeTransform.cjs bench/tracking.ts [options]
 *
 * Options: --batches 200     log-batch requests per round (1,000 points each)
 *          --callers 4       concurrent callers, one run each
 *          --rounds 2        ingest rounds (API, then raw, in turn)
 *          --runs 10000      runs in the searched experiment
 *          --searches 100    timed calls of the main search (others: a third)
 *          --steps 100000    points of the metric whose history is read
 *          --reads 20        timed calls per history series
 *          --max-seconds 160 time budget of the whole run (shared by databases)
 *          --profile         a V8 CPU profile of the backend (this process)
 *                            during each section's timed HTTP calls, printed
 *                            as a summary (and slower figures meanwhile);
 *                            --profile <dir> also writes the .cpuprofile files
 *          --explain         the database's plan of the slowest statements
 *          --pg <url>        also on Postgres (a new database on that server);
 *                            BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING works too
 *          --no-sqlite       Postgres only
 *
 * The server is the plugin's tracking feature as the backend builds it
 * (createTrackingFeature with SqlTrackingSearch, bench/lib/trackingServer.ts)
 * in an express app on loopback; the caller is a workload with its token.
 * All HTTP load comes from a separate node process (bench/lib/loadgen.ts,
 * kept-alive connections). Baselines: for ingestion, knex multi-row inserts
 * of the same rows into ml_run_metrics and an upsert of ml_run_latest_metrics,
 * one transaction per batch, with as many concurrent callers; for reads, the
 * SQL statements one HTTP call sent, captured and run again straight on the
 * driver (bench/lib/sqlReplay.ts). Nothing asserts timing.
 */
import { Knex } from 'knex';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startProfile, summarizeProfile } from './lib/cpuProfile';
import { BenchDb, DbOpener, pgOpener, sqliteOpener } from './lib/db';
import { LoadGenerator, LoadRun, LoadTarget } from './lib/loadClient';
import {
  captureQueries,
  CapturedQuery,
  describeQuery,
  directRunner,
  explain,
} from './lib/sqlReplay';
import {
  MLFLOW_PATH,
  startTrackingServer,
  TrackingServer,
} from './lib/trackingServer';
import { PROJECT } from './lib/trackingServer';
import { seedHistory, seedRuns } from './lib/trackingSeed';
import {
  Deadline,
  fmt,
  header,
  machine,
  numberArg,
  parseArgs,
  summarize,
} from './lib/util';

const POINTS_PER_BATCH = 1000;
const KEYS_PER_BATCH = 10;
const T0 = 1_790_000_000_000;

interface Context {
  db: BenchDb;
  server: TrackingServer;
  load: LoadGenerator;
  deadline: Deadline;
  /** Profile the timed HTTP calls; a folder to write the profiles to. */
  profile?: { dir?: string };
  explain: boolean;
}

interface Timed {
  latencies: number[];
  seconds: number;
  /** Backend (this process) CPU ms over the load. */
  cpuMs: number;
}

/** A load from the load generator; `label` names its profile. */
async function timedLoad(
  ctx: Context,
  run: LoadRun,
  label?: string,
): Promise<Timed> {
  const profiler = label && ctx.profile ? await startProfile(500) : undefined;
  const cpu = process.cpuUsage();
  const result = await ctx.load.run(run);
  const used = process.cpuUsage(cpu);
  if (profiler && label) {
    const profile = await profiler.stop();
    console.log(`    CPU profile of the backend, ${label}:`);
    for (const line of summarizeProfile(profile)) console.log(`      ${line}`);
    if (ctx.profile?.dir) {
      const file = path.join(
        ctx.profile.dir,
        `tracking-${ctx.db.kind}-${label.replace(/\W+/g, '-')}.cpuprofile`,
      );
      await fs.writeFile(file, JSON.stringify(profile));
      console.log(`      written to ${file}`);
    }
  }
  if (result.failures) {
    throw new Error(
      `${result.failures} calls failed: ${result.failureSamples.join('; ')}`,
    );
  }
  return {
    latencies: result.latencies,
    seconds: result.seconds,
    cpuMs: (used.user + used.system) / 1000,
  };
}

function target(ctx: Context, endpoint: string, sockets: number): LoadTarget {
  return {
    host: '127.0.0.1',
    port: ctx.server.port,
    path: `${MLFLOW_PATH}/${endpoint}`,
    agentKey: 'tracking',
    maxSockets: sockets,
  };
}

const f = (n: number) => fmt(n, n < 10 ? 2 : 1);
const pLine = (s: ReturnType<typeof summarize>) =>
  `p50 ${f(s.p50)}  p95 ${f(s.p95)}  p99 ${f(s.p99)}  max ${f(s.max)} ms`;

/** One batch's points: KEYS_PER_BATCH keys at POINTS_PER_BATCH / keys steps. */
function batchPoints(batch: number) {
  const stepsPerBatch = POINTS_PER_BATCH / KEYS_PER_BATCH;
  const points = [];
  for (let s = 0; s < stepsPerBatch; s++) {
    const step = batch * stepsPerBatch + s;
    for (let k = 0; k < KEYS_PER_BATCH; k++) {
      points.push({
        key: `metric_${k}`,
        value: ((step * 31 + k) % 1000) / 997,
        timestamp: T0 + step * 10,
        step,
      });
    }
  }
  return points;
}

async function createRuns(ctx: Context, experimentId: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { run } = await ctx.server.call('POST', 'runs/create', {
      experiment_id: experimentId,
      run_name: `ingest-${i}`,
    });
    ids.push(run.info.run_id);
  }
  return ids;
}

async function ingest(
  ctx: Context,
  opts: { batches: number; callers: number; rounds: number },
) {
  console.log(
    `\n[1] log-batch: ${opts.batches} requests of ${POINTS_PER_BATCH} metric points per round, ${opts.callers} concurrent callers, one run each`,
  );
  const knex = ctx.db.knex;
  const experimentId = (
    await ctx.server.call('POST', 'experiments/create', { name: 'ingest' })
  ).experiment_id;
  const apiRuns = await createRuns(ctx, experimentId, opts.callers);
  const rawRuns = await createRuns(ctx, experimentId, opts.callers);
  const warmRuns = await createRuns(ctx, experimentId, opts.callers);

  // Request k goes to run k % callers, its batch k / callers: every run's
  // steps move forward as a training loop's do.
  const bodiesFor = (runs: string[], round: number, count: number) =>
    Array.from({ length: count }, (_, k) =>
      JSON.stringify({
        run_id: runs[k % runs.length],
        metrics: batchPoints(round * count + Math.floor(k / runs.length)),
      }),
    );
  const rawBatches = (round: number) =>
    Array.from({ length: opts.batches }, (_, k) => {
      const runId = rawRuns[k % rawRuns.length];
      const points = batchPoints(
        round * opts.batches + Math.floor(k / rawRuns.length),
      );
      const rows = points.map(p => ({ run_id: runId, special: null, ...p }));
      const latest = new Map<string, (typeof rows)[number]>();
      for (const row of rows) latest.set(row.key, row); // steps ascend
      return { rows, latest: [...latest.values()] };
    });
  const load = (bodies: string[]): LoadRun => ({
    requests: bodies.length,
    concurrency: opts.callers,
    targets: [target(ctx, 'runs/log-batch', opts.callers)],
    body: '',
    bodies,
    headers: ctx.server.headers,
  });

  await timedLoad(ctx, load(bodiesFor(warmRuns, 0, 4 * opts.callers)));
  const api: Timed[] = [];
  const raw: number[] = [];
  for (let round = 0; round < opts.rounds && !ctx.deadline.expired; round++) {
    api.push(
      await timedLoad(
        ctx,
        load(bodiesFor(apiRuns, round, opts.batches)),
        round === 0 ? 'log-batch' : undefined,
      ),
    );

    const batches = rawBatches(round);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: opts.callers }, async () => {
        while (next < batches.length) {
          const { rows, latest } = batches[next++];
          await knex.transaction(async tx => {
            // 500 rows a statement: SQLite's limit of compound SELECTs,
            // which knex's multi-row insert compiles to there.
            for (let i = 0; i < rows.length; i += 500) {
              await tx('ml_run_metrics').insert(rows.slice(i, i + 500));
            }
            await tx('ml_run_latest_metrics')
              .insert(latest)
              .onConflict(['run_id', 'key'])
              .merge();
          });
        }
      }),
    );
    raw.push((performance.now() - started) / 1000);
  }

  const points = opts.batches * POINTS_PER_BATCH;
  const [{ n }] = await knex('ml_run_metrics')
    .whereIn('run_id', apiRuns)
    .count<{ n: number | string }[]>({ n: '*' });
  const expected = points * api.length;
  if (Number(n) !== expected) {
    throw new Error(`stored ${n} points through the API, expected ${expected}`);
  }
  const apiSeconds = api.reduce((a, t) => a + t.seconds, 0);
  const rawSeconds = raw.reduce((a, t) => a + t, 0);
  const apiRate = expected / apiSeconds;
  const rawRate = expected / rawSeconds;
  const perRequest = summarize(api.flatMap(t => t.latencies));
  const cpuMs = api.reduce((a, t) => a + t.cpuMs, 0);
  console.log(
    `  API runs/log-batch:  ${fmt(apiRate, 0).padStart(
      9,
    )} points/s   per round ${api
      .map(t => fmt(points / t.seconds, 0))
      .join(' / ')}   (${fmt(expected, 0)} stored)`,
  );
  console.log(`    per request: ${pLine(perRequest)}`);
  console.log(
    `    backend CPU ${fmt(
      cpuMs / (api.length * opts.batches),
      2,
    )} ms per request (${fmt(cpuMs / apiSeconds / 10, 0)} % of one core)`,
  );
  console.log(
    `  raw knex inserts:    ${fmt(rawRate, 0).padStart(
      9,
    )} points/s   per round ${raw.map(s => fmt(points / s, 0)).join(' / ')}`,
  );
  console.log(`  ratio API / raw: ${fmt(apiRate / rawRate, 2)} (goal >= 0.8)`);
}

/** Runs `queries` directly `times` times; each run's total and per-statement times. */
async function replay(
  knex: Knex,
  queries: CapturedQuery[],
  times: number,
  deadline: Deadline,
) {
  const runner = await directRunner(knex);
  try {
    await runner.run(queries); // warm-up
    const totals: number[] = [];
    const each: number[][] = queries.map(() => []);
    for (let i = 0; i < times && !deadline.expired; i++) {
      const durations = await runner.run(queries);
      totals.push(durations.reduce((a, b) => a + b, 0));
      durations.forEach((d, j) => each[j].push(d));
    }
    return { total: summarize(totals), each: each.map(d => summarize(d)) };
  } finally {
    await runner.release();
  }
}

/** Each statement's p50; with --explain, the plan of the slowest. */
async function printBreakdown(
  ctx: Context,
  queries: CapturedQuery[],
  each: ReturnType<typeof summarize>[],
) {
  queries.forEach((q, j) =>
    console.log(
      `      ${describeQuery(q.sql).padEnd(48)} p50 ${f(each[j].p50)} ms`,
    ),
  );
  if (!ctx.explain || queries.length === 0) return;
  const slowest = each.reduce((at, s, j) => (s.p50 > each[at].p50 ? j : at), 0);
  console.log(
    `      plan of the slowest, ${describeQuery(queries[slowest].sql)}:`,
  );
  console.log(`        ${queries[slowest].sql.replace(/\s+/g, ' ')}`);
  for (const line of await explain(ctx.db.knex, queries[slowest])) {
    console.log(`        ${line}`);
  }
}

const SEARCHES: Array<{ filter: string; order_by: string[] }> = [
  { filter: 'metrics.rmse < 0.5', order_by: ['metrics.rmse DESC'] },
  { filter: '', order_by: [] },
  { filter: "params.optimizer = 'adam' and metrics.acc > 0.2", order_by: [] },
  { filter: "tags.team LIKE 'vis%'", order_by: ['params.lr'] },
  { filter: "attributes.status = 'FINISHED'", order_by: ['run_name DESC'] },
  { filter: "datasets.context = 'training'", order_by: ['metrics.acc'] },
];

async function search(ctx: Context, opts: { runs: number; searches: number }) {
  console.log(
    `\n[2] runs/search over ${fmt(
      opts.runs,
      0,
    )} runs (5 params, 3 tags, 3 metrics, 1 dataset each), max_results 100, c=1`,
  );
  const knex = ctx.db.knex;
  const experimentId = (
    await ctx.server.call('POST', 'experiments/create', { name: 'sweep' })
  ).experiment_id;
  const seeded = performance.now();
  await seedRuns(knex, { experimentId, projectId: PROJECT, count: opts.runs });
  if (ctx.db.kind === 'pg') await knex.raw('ANALYZE');
  console.log(
    `  seeded in ${fmt((performance.now() - seeded) / 1000)} s${
      ctx.db.kind === 'pg' ? ' (then ANALYZE)' : ''
    }`,
  );

  for (const [i, s] of SEARCHES.entries()) {
    if (ctx.deadline.expired) break;
    const input = { experiment_ids: [experimentId], max_results: 100, ...s };
    const times = i === 0 ? opts.searches : Math.ceil(opts.searches / 3);
    const first = await ctx.server.call('POST', 'runs/search', input);
    const body = JSON.stringify(input);
    const bytes = JSON.stringify(first).length;
    const run = (requests: number, label?: string) =>
      timedLoad(
        ctx,
        {
          requests,
          concurrency: 1,
          targets: [target(ctx, 'runs/search', 1)],
          body,
          headers: ctx.server.headers,
        },
        label,
      );
    await run(3);
    const http = await run(times, i === 0 ? 'runs-search' : undefined);
    const queries = await captureQueries(knex, () =>
      ctx.server.call('POST', 'runs/search', input),
    );
    const direct = await replay(knex, queries, times, ctx.deadline);
    const h = summarize(http.latencies);
    console.log(
      `  ${s.filter || '(no filter)'}${
        s.order_by.length ? ` ORDER BY ${s.order_by.join(', ')}` : ''
      }  (${first.runs.length} runs, ${fmt(bytes / 1024, 0)} KiB)`,
    );
    console.log(
      `    HTTP:       ${pLine(h)}   (n=${h.n}${
        i === 0 ? ', goal p95 <= 100 ms' : ''
      })`,
    );
    console.log(
      `    same SQL:   ${pLine(direct.total)}   (${queries.length} statements)`,
    );
    console.log(
      `    ratio HTTP / SQL: p50 ${fmt(h.p50 / direct.total.p50, 2)}  p95 ${fmt(
        h.p95 / direct.total.p95,
        2,
      )};  backend CPU ${fmt(http.cpuMs / h.n, 2)} ms per call`,
    );
    if (i === 0) await printBreakdown(ctx, queries, direct.each);
  }
}

async function history(ctx: Context, opts: { steps: number; reads: number }) {
  console.log(
    `\n[3] metrics/get-history of a ${fmt(
      opts.steps,
      0,
    )}-step metric (the run also logs 'acc' at every step), c=1`,
  );
  const knex = ctx.db.knex;
  const experimentId = (
    await ctx.server.call('POST', 'experiments/create', { name: 'training' })
  ).experiment_id;
  const { run } = await ctx.server.call('POST', 'runs/create', {
    experiment_id: experimentId,
    run_name: 'long',
  });
  const runId: string = run.info.run_id;
  const seeded = performance.now();
  await seedHistory(knex, {
    runId,
    keys: ['loss', 'acc'],
    steps: opts.steps,
    t0: T0,
  });
  if (ctx.db.kind === 'pg') await knex.raw('ANALYZE');
  console.log(
    `  seeded ${fmt(2 * opts.steps, 0)} points in ${fmt(
      (performance.now() - seeded) / 1000,
    )} s`,
  );

  // The pages of a whole history, as MLflow's client walks them.
  const pages: Array<Record<string, string>> = [];
  let token: string | undefined;
  let bytes = 0;
  do {
    const input: Record<string, string> = { run_id: runId, metric_key: 'loss' };
    if (token) input.page_token = token;
    const page = await ctx.server.call('GET', 'metrics/get-history', input);
    pages.push(input);
    bytes += JSON.stringify(page).length;
    token = page.next_page_token;
  } while (token && pages.length < 100);
  const paths = pages.map(
    p => `${MLFLOW_PATH}/metrics/get-history?${new URLSearchParams(p)}`,
  );
  console.log(
    `  ${pages.length} pages of up to 25,000 points, ${fmt(
      bytes / 1048576,
    )} MiB of JSON in all`,
  );
  const run_ = (requests: number, pagePaths: string[], label?: string) =>
    timedLoad(
      ctx,
      {
        requests,
        concurrency: 1,
        targets: [target(ctx, 'metrics/get-history', 1)],
        method: 'GET',
        body: '',
        paths: pagePaths,
        headers: ctx.server.headers,
      },
      label,
    );

  // One request: the first page.
  await run_(2, paths.slice(0, 1));
  const one = await run_(opts.reads, paths.slice(0, 1), 'get-history');
  const oneQueries = await captureQueries(knex, () =>
    ctx.server.call('GET', 'metrics/get-history', pages[0]),
  );
  const oneDirect = await replay(knex, oneQueries, opts.reads, ctx.deadline);
  const o = summarize(one.latencies);
  console.log(`  one request (first page, 25,000 points):`);
  console.log(`    HTTP:       ${pLine(o)}   (n=${o.n}, goal p95 <= 150 ms)`);
  console.log(`    same SQL:   ${pLine(oneDirect.total)}`);
  console.log(
    `    ratio HTTP / SQL: p50 ${fmt(
      o.p50 / oneDirect.total.p50,
      2,
    )}  p95 ${fmt(o.p95 / oneDirect.total.p95, 2)};  backend CPU ${fmt(
      one.cpuMs / o.n,
      1,
    )} ms per call`,
  );
  await printBreakdown(ctx, oneQueries, oneDirect.each);

  // The whole history: every page in turn, as the client's one call does.
  if (ctx.deadline.expired) return;
  const walk = await run_(opts.reads * pages.length, paths);
  const totals: number[] = [];
  const perPage: number[][] = pages.map(() => []);
  walk.latencies.forEach((ms, k) => perPage[k % pages.length].push(ms));
  for (
    let i = 0;
    i + pages.length <= walk.latencies.length;
    i += pages.length
  ) {
    totals.push(
      walk.latencies.slice(i, i + pages.length).reduce((a, b) => a + b, 0),
    );
  }
  const walkQueries: CapturedQuery[] = [];
  for (const page of pages) {
    walkQueries.push(
      ...(await captureQueries(knex, () =>
        ctx.server.call('GET', 'metrics/get-history', page),
      )),
    );
  }
  const walkDirect = await replay(knex, walkQueries, opts.reads, ctx.deadline);
  const w = summarize(totals);
  console.log(`  whole history (${pages.length} calls in turn):`);
  console.log(`    HTTP:       ${pLine(w)}   (n=${w.n})`);
  perPage.forEach((ms, i) =>
    console.log(`      page ${i + 1}: ${pLine(summarize(ms))}`),
  );
  console.log(`    same SQL:   ${pLine(walkDirect.total)}`);
  console.log(
    `    ratio HTTP / SQL: p50 ${fmt(
      w.p50 / walkDirect.total.p50,
      2,
    )}  p95 ${fmt(w.p95 / walkDirect.total.p95, 2)}`,
  );
  await printBreakdown(ctx, walkQueries, walkDirect.each);

  // For scale: the whole history in one SELECT, no paging.
  const [whole] = await captureQueries(knex, () =>
    knex('ml_run_metrics')
      .select('key', 'value', 'special', 'timestamp', 'step')
      .where({ run_id: runId, key: 'loss' })
      .orderBy(['step', 'timestamp', 'id']),
  );
  const wholeDirect = await replay(knex, [whole], opts.reads, ctx.deadline);
  console.log(
    `  for scale, all ${fmt(opts.steps, 0)} rows in one SELECT: ${pLine(
      wholeDirect.total,
    )}`,
  );
}

async function main() {
  const args = parseArgs();
  const batches = numberArg(args, 'batches', 200);
  const callers = numberArg(args, 'callers', 4);
  const rounds = numberArg(args, 'rounds', 2);
  const runs = numberArg(args, 'runs', 10_000);
  const searches = numberArg(args, 'searches', 100);
  const steps = numberArg(args, 'steps', 100_000);
  const reads = numberArg(args, 'reads', 20);
  const maxSeconds = numberArg(args, 'max-seconds', 160);
  const profileArg = args.get('profile');
  const profile =
    profileArg === undefined
      ? undefined
      : { dir: typeof profileArg === 'string' ? profileArg : undefined };
  if (profile?.dir) await fs.mkdir(profile.dir, { recursive: true });
  const pgArg = args.get('pg');
  const pgUrl =
    (typeof pgArg === 'string' ? pgArg : undefined) ??
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  const openers: Array<[string, DbOpener]> = [];
  if (!args.has('no-sqlite')) {
    openers.push([
      'SQLite (better-sqlite3, Backstage defaults)',
      sqliteOpener(),
    ]);
  }
  if (pgUrl) openers.push(['Postgres', pgOpener(pgUrl)]);
  header('MLflow tracking server: log-batch, runs/search, metrics/get-history');
  console.log(machine());

  const load = await LoadGenerator.start();
  const started = Date.now();
  try {
    for (const [i, [label, open]] of openers.entries()) {
      // The budget left is shared by the databases still to run.
      const left = maxSeconds - (Date.now() - started) / 1000;
      const deadline = new Deadline(left / (openers.length - i));
      console.log(`\n--- ${label} ---`);
      const db = await open('tracking');
      const server = await startTrackingServer(db.knex);
      const ctx: Context = {
        db,
        server,
        load,
        deadline,
        profile,
        explain: args.has('explain'),
      };
      try {
        await ingest(ctx, { batches, callers, rounds });
        await search(ctx, { runs, searches });
        await history(ctx, { steps, reads });
        if (deadline.expired)
          console.log('  (time budget used up: some loops cut short)');
      } finally {
        await server.close();
        await db.destroy();
      }
    }
  } finally {
    await load.stop();
  }
}

main().catch(error => {
  // Knex puts the whole statement in its messages: keep them readable.
  console.error(String(error?.stack ?? error).slice(0, 2000));
  process.exit(1);
});
