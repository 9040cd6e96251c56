/**
 * What the tracking bench's sections share: the server and load generator
 * of one database, timed loads (with an optional CPU profile of the
 * backend), and direct runs of captured SQL.
 */
import { Knex } from 'knex';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startProfile, summarizeProfile } from '../lib/cpuProfile';
import { BenchDb } from '../lib/db';
import { LoadGenerator, LoadRun, LoadTarget } from '../lib/loadClient';
import {
  CapturedQuery,
  describeQuery,
  directRunner,
  explain,
} from '../lib/sqlReplay';
import { Deadline, fmt, summarize } from '../lib/util';
import { MLFLOW_PATH, TrackingServer } from './server';

/** Start of the metric timestamps the bench logs. */
export const T0 = 1_790_000_000_000;

export interface Context {
  db: BenchDb;
  server: TrackingServer;
  load: LoadGenerator;
  deadline: Deadline;
  /** Profile the timed HTTP calls; a folder to write the profiles to. */
  profile?: { dir?: string };
  explain: boolean;
}

export interface Timed {
  latencies: number[];
  seconds: number;
  /** Backend (this process) CPU ms over the load. */
  cpuMs: number;
}

/** A load from the load generator; `label` names its profile. */
export async function timedLoad(
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

export function target(
  ctx: Context,
  endpoint: string,
  sockets: number,
): LoadTarget {
  return {
    host: '127.0.0.1',
    port: ctx.server.port,
    path: `${MLFLOW_PATH}/${endpoint}`,
    agentKey: 'tracking',
    maxSockets: sockets,
  };
}

export const figure = (n: number) => fmt(n, n < 10 ? 2 : 1);
export const pLine = (s: ReturnType<typeof summarize>) =>
  `p50 ${figure(s.p50)}  p95 ${figure(s.p95)}  p99 ${figure(
    s.p99,
  )}  max ${figure(s.max)} ms`;

/** Runs `queries` directly `times` times; each run's total and per-statement times. */
export async function replay(
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
export async function printBreakdown(
  ctx: Context,
  queries: CapturedQuery[],
  each: ReturnType<typeof summarize>[],
) {
  queries.forEach((q, j) =>
    console.log(
      `      ${describeQuery(q.sql).padEnd(48)} p50 ${figure(each[j].p50)} ms`,
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
