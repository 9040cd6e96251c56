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
 * (createTrackingFeature with SqlTrackingSearch, bench/tracking/server.ts)
 * in an express app on loopback; the caller is a workload with its token.
 * All HTTP load comes from a separate node process (bench/lib/loadgen.ts,
 * kept-alive connections). Baselines: for ingestion, knex multi-row inserts
 * of the same rows into ml_run_metrics and an upsert of ml_run_latest_metrics,
 * one transaction per batch, with as many concurrent callers; for reads, the
 * SQL statements one HTTP call sent, captured and run again straight on the
 * driver (bench/lib/sqlReplay.ts). Nothing asserts timing.
 */
import fs from 'node:fs/promises';
import { DbOpener, pgOpener, sqliteOpener } from './lib/db';
import { LoadGenerator } from './lib/loadClient';
import { Deadline, header, machine, numberArg, parseArgs } from './lib/util';
import { Context } from './tracking/context';
import { history } from './tracking/history';
import { ingest } from './tracking/ingest';
import { search } from './tracking/search';
import { startTrackingServer } from './tracking/server';

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
