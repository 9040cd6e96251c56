/**
 * Section 1: runs/log-batch through HTTP against raw knex inserts of the
 * same rows.
 */
import { LoadRun } from '../lib/loadClient';
import { fmt, summarize } from '../lib/util';
import { Context, pLine, T0, target, timedLoad, Timed } from './context';

const POINTS_PER_BATCH = 1000;
const KEYS_PER_BATCH = 10;

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

export async function ingest(
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
