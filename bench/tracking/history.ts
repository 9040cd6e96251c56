/** Section 3: metrics/get-history of a long metric, one page and all. */
import { captureQueries, CapturedQuery } from '../lib/sqlReplay';
import { fmt, summarize } from '../lib/util';
import {
  Context,
  pLine,
  printBreakdown,
  replay,
  T0,
  target,
  timedLoad,
} from './context';
import { MLFLOW_PATH } from './server';
import { seedHistory } from './seed';

export async function history(
  ctx: Context,
  opts: { steps: number; reads: number },
) {
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
  const getPages = (requests: number, pagePaths: string[], label?: string) =>
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
  await getPages(2, paths.slice(0, 1));
  const one = await getPages(opts.reads, paths.slice(0, 1), 'get-history');
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
  const walk = await getPages(opts.reads * pages.length, paths);
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
