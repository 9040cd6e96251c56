/** Section 2: runs/search over an experiment of many runs. */
import { fmt, summarize } from '../lib/util';
import { captureQueries } from '../lib/sqlReplay';
import {
  Context,
  pLine,
  printBreakdown,
  replay,
  target,
  timedLoad,
} from './context';
import { PROJECT } from './server';
import { seedRuns } from './seed';

const SEARCHES: Array<{ filter: string; order_by: string[] }> = [
  { filter: 'metrics.rmse < 0.5', order_by: ['metrics.rmse DESC'] },
  { filter: '', order_by: [] },
  { filter: "params.optimizer = 'adam' and metrics.acc > 0.2", order_by: [] },
  { filter: "tags.team LIKE 'vis%'", order_by: ['params.lr'] },
  { filter: "attributes.status = 'FINISHED'", order_by: ['run_name DESC'] },
  { filter: "datasets.context = 'training'", order_by: ['metrics.acc'] },
];

export async function search(
  ctx: Context,
  opts: { runs: number; searches: number },
) {
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
