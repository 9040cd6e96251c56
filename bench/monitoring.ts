/**
 * Model monitoring at scale: the Monitoring tab's reads of one deployment
 * with 1M predictions over 24 hourly windows, and the CPU of evaluating
 * 1,000 monitors.
 *
 *   node --expose-gc -r @backstage/cli/config/nodeTransform.cjs bench/monitoring.ts [options]
 *
 * Options: --predictions 1000000  predictions over the 24 h
 *          --truth 0.3            share of them whose delayed truth arrived
 *          --reads 20             timed dashboard reads (after 2 warm-ups)
 *          --monitors 1000        monitors evaluated, in batches of 100
 *          --max-seconds 170      wall-clock budget of the whole run
 *          --pg <url>             also on Postgres (a new database on that server);
 *                                 BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING works too
 *          --no-sqlite            Postgres only
 *          --profile              print a CPU profile summary of the dashboard reads
 *          --explain              print the plan of each statement of one quality and drift read
 *          --no-rollups           read the raw rows only (as before the hourly rollups)
 *
 * Setup: a fresh database migrated with the plugin's migrations, one model
 * with one deployment. Each prediction has a row in `model_predictions`, its
 * tracked `prediction` and, for a share, its delayed `actual` in
 * `model_metric_points`, and its two declared features (`x`, numeric, whose
 * mean moves over the day, and `segment`, one of 5 categories) in
 * `model_prediction_inputs`, as the gateway captures them. Baselines of `x`,
 * `segment` and the prediction (10,000 values each) are stored. Rows go in
 * as JSON-parameter inserts of 5,000, one transaction per 100,000 (on SQLite
 * with synchronous=OFF during the fill).
 *
 * Rollups: the seeded hours are rolled up by ModelRollupService (timed,
 * wall and CPU) before any read, as the backend's `ml-model-rollups` task
 * does once they closed; the reads take those hours from the rollups.
 *
 * Dashboard read: what the Monitoring tab asks for one deployment over the
 * last 24 h in hourly steps, at once: `ModelQualityService.quality` and
 * `.drift` and `MonitoringService.metrics` (the technical metrics), through
 * the services the backend wires (no HTTP). Baselines in the same run:
 * `count(*)` of the deployment's tracked predictions in the range, and the
 * technical-metrics read alone.
 *
 * Monitors: 1,000 monitors of the model (technical, quality, drift and
 * aggregate metrics, windows of 5 min, 15 min and 1 h) evaluated by the real
 * MonitorEvaluator and CompositeMonitorSignals, 100 per pass; the CPU of
 * the process (`process.cpuUsage`, which on SQLite includes the database's
 * own work) per monitor. Nothing asserts timing: it prints figures.
 */
import { Knex } from 'knex';
import { Project } from '@ml-platform/plugin-ml-common';
import {
  FakeModelDirectory,
  MetricPointStore,
  MonitoringService,
  PredictionRecorder,
  PredictionStore,
  ReplicaUsageStore,
} from '@ml-platform/plugin-ml-backend/testUtils';
import { AggregateMetricStore } from '../plugins/ml-backend/src/models/monitoring/AggregateMetricStore';
import { ModelEventStore } from '../plugins/ml-backend/src/models/events/ModelEventStore';
import { ModelStore } from '../plugins/ml-backend/src/models/ModelStore';
import { MonitorEvaluationStore } from '../plugins/ml-backend/src/models/monitors/MonitorEvaluationStore';
import { MonitorEvaluator } from '../plugins/ml-backend/src/models/monitors/MonitorEvaluator';
import { CompositeMonitorSignals } from '../plugins/ml-backend/src/models/monitors/MonitorSignals';
import { MonitorStore } from '../plugins/ml-backend/src/models/monitors/MonitorStore';
import { TechnicalSignals } from '../plugins/ml-backend/src/models/monitors/technicalSignals';
import { createQualityFeature } from '../plugins/ml-backend/src/models/quality/createQualityFeature';
import { ModelRollupService } from '../plugins/ml-backend/src/models/rollups/ModelRollupService';
import { RawHourReader } from '../plugins/ml-backend/src/models/rollups/RawHourReader';
import { startProfile, summarizeProfile } from './lib/cpuProfile';
import { BenchDb, DbOpener, pgOpener, sqliteOpener } from './lib/db';
import {
  BASELINE_SIZE,
  DEPLOYMENT,
  END,
  MODEL,
  PROJECT,
  seed,
  T0,
  uuidOf,
} from './monitoring/seed';
import {
  collectGarbage,
  Deadline,
  fmt,
  header,
  machine,
  numberArg,
  parseArgs,
  silentLogger,
  statLine,
  summarize,
} from './lib/util';

function services(knex: Knex, useRollups: boolean) {
  const models = new ModelStore(knex);
  const full = createQualityFeature({
    db: knex,
    models,
    builds: {} as any,
    deployments: {} as any,
    snapshotDir: () => '/nonexistent',
    flush: async () => {},
    logger: silentLogger(),
  });
  // Without rollups: the same services with none wired.
  const quality = useRollups
    ? full
    : createQualityFeature({
        db: knex,
        models,
        builds: {} as any,
        deployments: {} as any,
        snapshotDir: () => '/nonexistent',
        flush: async () => {},
        logger: silentLogger(),
        rollups: undefined,
      });
  const rollups = useRollups ? full.rollups : undefined;
  const directory = new FakeModelDirectory();
  directory.set({
    projectId: PROJECT,
    modelId: MODEL,
    modelName: 'churn',
  } as any);
  const predictions = new PredictionStore(knex);
  const aggregates = new AggregateMetricStore(knex);
  const monitoring = new MonitoringService({
    directory,
    predictions,
    points: new MetricPointStore(knex),
    usage: new ReplicaUsageStore(knex),
    aggregates,
    recorder: new PredictionRecorder(
      { store: predictions, logger: silentLogger() },
      { batchSize: 500, flushIntervalMs: 1000, maxBuffered: 1000 },
    ),
    rollups,
  });
  return { models, quality, full, rollups, monitoring, aggregates, knex };
}

async function configure(s: ReturnType<typeof services>) {
  await s.quality.service.putSettings(PROJECT, MODEL, {
    task: 'regression',
    predictionMetric: 'prediction',
    truthMetric: 'actual',
    features: [
      { name: 'x', type: 'numeric' },
      { name: 'segment', type: 'categorical' },
    ],
    baselineSize: BASELINE_SIZE,
  });
}

/** Rolls up the 24 seeded hours, as the scheduler's task does once they closed. */
async function rollUp(
  s: ReturnType<typeof services>,
  nowMs = END + 10 * 60 * 1000,
) {
  const { full } = s;
  const service = new ModelRollupService({
    store: full.rollups,
    raw: new RawHourReader(s.knex),
    quality: full.quality,
    settings: full.settings,
    baselines: full.baselines,
    drift: full.drift,
    now: () => nowMs,
  });
  await collectGarbage();
  const cpu = process.cpuUsage();
  const t = performance.now();
  let hours = 0;
  for (let n = await service.rollUp(); n > 0; n = await service.rollUp())
    hours += n;
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - t;
  console.log(
    `rollup of ${hours} hours: ${fmt(wallMs / 1000, 1)} s wall, ${fmt(
      (used.user + used.system) / 1e6,
      1,
    )} s CPU (${fmt(wallMs / Math.max(1, hours), 0)} ms per hour)`,
  );
}

async function dashboard(
  db: BenchDb,
  reads: number,
  deadline: Deadline,
  s: ReturnType<typeof services>,
  profile: boolean,
  explain: boolean,
) {
  const range = {
    deploymentId: DEPLOYMENT,
    fromMs: T0,
    toMs: END,
    stepSeconds: 3600,
  };
  const parts = {
    quality: [] as number[],
    drift: [] as number[],
    technical: [] as number[],
  };
  const timed = async <T>(into: number[] | undefined, f: () => Promise<T>) => {
    const t = performance.now();
    const out = await f();
    into?.push(performance.now() - t);
    return out;
  };
  const full: number[] = [];
  const counted: number[] = [];
  let shape = '';
  let profiler: Awaited<ReturnType<typeof startProfile>> | undefined;
  for (let i = 0; i < reads + 2 && !deadline.expired; i++) {
    const warm = i >= 2;
    if (i === 2 && profile) profiler = await startProfile();
    const t = performance.now();
    const [quality, drift] = await Promise.all([
      timed(warm ? parts.quality : undefined, () =>
        s.quality.service.quality(PROJECT, MODEL, range),
      ),
      timed(warm ? parts.drift : undefined, () =>
        s.quality.service.drift(PROJECT, MODEL, range),
      ),
      timed(warm ? parts.technical : undefined, () =>
        s.monitoring.metrics(PROJECT, MODEL, range),
      ),
    ]);
    if (warm) full.push(performance.now() - t);
    if (i === 0) {
      const qualityCount = quality.windows.reduce((n, w) => n + w.count, 0);
      const driftCounts = drift.features.map(
        f =>
          `${f.feature} ${fmt(
            f.windows.reduce((n, w) => n + w.count, 0),
            0,
          )}`,
      );
      const emptyDrift = drift.features.map(
        f => f.windows.filter(w => w.count === 0).length,
      );
      shape =
        `${quality.windows.length} quality windows over ${fmt(
          qualityCount,
          0,
        )} pairs; drift values read per feature: ${driftCounts.join(', ')}; ` +
        `empty drift windows per feature: ${emptyDrift.join(', ')}`;
    }
    // The baseline: the database counting the same predictions.
    await timed(warm ? counted : undefined, () =>
      db
        .knex('model_metric_points')
        .where({ model_id: MODEL, kind: 'tracked', name: 'prediction' })
        .andWhere({ deployment_id: DEPLOYMENT })
        .andWhere('at_ms', '>=', T0)
        .andWhere('at_ms', '<', END)
        .count({ n: '*' }),
    );
  }
  if (explain) await explainReads(db, s, range);
  if (profiler) {
    console.log('CPU profile of the timed dashboard reads:');
    for (const line of summarizeProfile(await profiler.stop(), 15))
      console.log(`  ${line}`);
  }
  console.log(shape);
  const fullStats = summarize(full);
  console.log(statLine('dashboard read (all three at once)', fullStats));
  console.log(statLine('  quality', summarize(parts.quality)));
  console.log(statLine('  drift', summarize(parts.drift)));
  console.log(statLine('  technical metrics', summarize(parts.technical)));
  const countStats = summarize(counted);
  console.log(statLine('count(*) of the same predictions', countStats));
  const tech = summarize(parts.technical);
  console.log(
    `p95 ratios: dashboard / count(*) ${fmt(
      fullStats.p95 / countStats.p95,
    )}, dashboard / technical read ${fmt(
      fullStats.p95 / tech.p95,
    )}; goal p95 <= 300 ms: ${fmt(fullStats.p95 / 300, 2)} of it`,
  );
}

/**
 * The Monitoring tab's 24 h read while the last hour is still under way:
 * 23 hours from the rollups and the last one's ~42,000 predictions raw (an
 * open hour is rolled up only once it closes). Re-rolled afterwards, so the
 * monitors find it rolled up as before.
 */
async function dashboardWithHourUnderWay(
  reads: number,
  deadline: Deadline,
  s: ReturnType<typeof services>,
) {
  if (!s.rollups) return;
  await s.rollups.markChanged(MODEL, [END - 3_600_000], END + 11 * 60_000);
  const range = {
    deploymentId: DEPLOYMENT,
    fromMs: T0,
    toMs: END,
    stepSeconds: 3600,
  };
  const full: number[] = [];
  for (let i = 0; i < reads + 1 && !deadline.expired; i++) {
    const t = performance.now();
    await Promise.all([
      s.quality.service.quality(PROJECT, MODEL, range),
      s.quality.service.drift(PROJECT, MODEL, range),
      s.monitoring.metrics(PROJECT, MODEL, range),
    ]);
    if (i > 0) full.push(performance.now() - t);
  }
  console.log(
    statLine('dashboard read, last hour under way (read raw)', summarize(full)),
  );
  await rollUp(s, END + 12 * 60_000);
}

/** The plans of the statements one quality and one drift read send. */
async function explainReads(
  db: BenchDb,
  s: ReturnType<typeof services>,
  range: { deploymentId: string; fromMs: number; toMs: number },
) {
  const statements: Array<{ sql: string; bindings: unknown[] }> = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) =>
    statements.push({ sql: q.sql, bindings: q.bindings ?? [] });
  db.knex.on('query', listener);
  await s.quality.service.quality(PROJECT, MODEL, range);
  await s.quality.service.drift(PROJECT, MODEL, range);
  db.knex.removeListener('query', listener);
  for (const { sql, bindings } of statements) {
    if (
      !/^select/i.test(sql) ||
      !/model_metric_points|model_prediction_inputs/.test(sql)
    )
      continue;
    const t = performance.now();
    await db.knex.raw(sql, bindings as any);
    const ms = performance.now() - t;
    const plan = await db.knex.raw(
      db.kind === 'pg' ? `EXPLAIN ANALYZE ${sql}` : `EXPLAIN QUERY PLAN ${sql}`,
      bindings as any,
    );
    const lines: string[] =
      db.kind === 'pg'
        ? plan.rows.map((r: any) => r['QUERY PLAN'])
        : plan.map((r: any) => r.detail);
    console.log(`${fmt(ms)} ms: ${sql.slice(0, 300)}`);
    for (const line of lines) console.log(`    ${line}`);
  }
}

const MONITOR_METRICS = [
  { kind: 'technical', name: 'errorRate' },
  { kind: 'technical', name: 'p95LatencyMs' },
  { kind: 'quality', name: 'mae' },
  { kind: 'quality', name: 'rmse' },
  { kind: 'drift', feature: 'x', statistic: 'psi' },
  { kind: 'drift', feature: 'x', statistic: 'ks' },
  { kind: 'drift', feature: 'segment', statistic: 'chiSquare' },
  { kind: 'drift', feature: '$prediction', statistic: 'psi' },
  { kind: 'aggregate', name: 'accuracy' },
];
const WINDOWS = [300, 900, 3600];

async function monitors(
  db: BenchDb,
  count: number,
  deadline: Deadline,
  s: ReturnType<typeof services>,
) {
  const { knex } = db;
  const evaluator = new MonitorEvaluator({
    monitors: new MonitorStore(knex),
    evaluations: new MonitorEvaluationStore(knex),
    signals: new CompositeMonitorSignals({
      technical: new TechnicalSignals(knex, s.rollups),
      quality: s.quality.service,
      aggregate: s.aggregates,
    }),
    history: new ModelEventStore(knex),
    models: s.models,
    projects: {
      get: async id => ({ id, owner: 'group:default/bench' } as Project),
    },
    jobs: { run: async () => ({ id: uuidOf(999_999) } as any) },
    logger: silentLogger(),
    now: () => END + 1000,
  });
  const byKind = new Map<string, number[]>();
  let evaluated = 0;
  let cpuMs = 0;
  let wallMs = 0;
  const batch = 100;
  for (let from = 0; from < count && !deadline.expired; from += batch) {
    const rows = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      const metric = MONITOR_METRICS[i % MONITOR_METRICS.length];
      rows.push({
        id: uuidOf(100_000 + i),
        project_id: PROJECT,
        model_id: MODEL,
        name: `bench-${i}`,
        metric: JSON.stringify(metric),
        // Every metric with each window length in turn.
        window_seconds:
          WINDOWS[Math.floor(i / MONITOR_METRICS.length) % WINDOWS.length],
        threshold: 0.2,
        direction: 'above',
        min_samples: 10,
        cooldown_seconds: 7200,
        trigger_job_id: null,
        enabled: true,
        state: 'pending',
        state_since: T0,
        created_by: 'user:default/bench',
        created_at: T0,
        updated_at: T0,
      });
    }
    await knex.batchInsert('model_monitors', rows, 100);
    await collectGarbage();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const n = await evaluator.evaluate();
    const used = process.cpuUsage(cpu);
    wallMs += performance.now() - t;
    const ms = (used.user + used.system) / 1000;
    cpuMs += ms;
    evaluated += n;
    const kinds = new Set(rows.map(r => JSON.parse(r.metric).kind));
    const key = [...kinds].sort().join('+');
    byKind.set(key, [...(byKind.get(key) ?? []), ms / rows.length]);
  }
  if (evaluated === 0) {
    console.log('monitors: no time left');
    return;
  }
  const perMonitor = cpuMs / evaluated;
  console.log(
    `monitors: ${evaluated} of ${count} evaluated (${batch} per pass): ${fmt(
      cpuMs,
      0,
    )} ms CPU, ${fmt(wallMs, 0)} ms wall; ${fmt(
      perMonitor,
      2,
    )} ms CPU per monitor`,
  );
  console.log(
    `  at that rate 1,000 monitors take ${fmt(
      perMonitor,
    )} s of CPU; goal <= 5 s: ${fmt(perMonitor / 5, 2)} of it`,
  );
  // One pass per metric kind alone, for where the CPU goes.
  const kindCpu = await perKindCpu(knex, evaluator, deadline);
  for (const [kind, ms] of kindCpu) {
    console.log(`  ${kind}: ${fmt(ms, 2)} ms CPU per monitor`);
  }
}

/** Re-evaluates one metric of each kind, 9 monitors at a time, fresh windows. */
async function perKindCpu(
  knex: Knex,
  evaluator: MonitorEvaluator,
  deadline: Deadline,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const metrics: Array<{ id: string; metric: string }> = await knex(
    'model_monitors',
  ).select('id', 'metric');
  for (const label of MONITOR_METRICS.map(m => JSON.stringify(m))) {
    if (deadline.expired) break;
    const ids = metrics.filter(m => m.metric === label).map(m => m.id);
    await knex('model_monitors').update({ enabled: false });
    await knex('model_monitors').whereIn('id', ids).update({
      enabled: true,
      last_window_end: null,
    });
    await knex('model_monitor_evaluations').whereIn('monitor_id', ids).delete();
    const cpu = process.cpuUsage();
    const n = await evaluator.evaluate();
    const used = process.cpuUsage(cpu);
    if (n > 0) out.set(label, (used.user + used.system) / 1000 / n);
  }
  return out;
}

async function main() {
  const args = parseArgs();
  const predictions = numberArg(args, 'predictions', 1_000_000);
  const truth = numberArg(args, 'truth', 0.3);
  const reads = numberArg(args, 'reads', 20);
  const monitorCount = numberArg(args, 'monitors', 1000);
  const maxSeconds = numberArg(args, 'max-seconds', 170);
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
    `Model monitoring: the dashboard read at ${fmt(
      predictions,
      0,
    )} predictions and ${fmt(monitorCount, 0)} monitors`,
  );
  console.log(machine());
  const started = Date.now();
  for (const [index, [label, open]] of openers.entries()) {
    // The budget is shared out among the databases still to run.
    const left = maxSeconds - (Date.now() - started) / 1000;
    const deadline = new Deadline(left / (openers.length - index));
    console.log(`\n--- ${label} ---`);
    const db = await open('monitoring');
    try {
      await seed(db, predictions, truth);
      const s = services(db.knex, !args.has('no-rollups'));
      await configure(s);
      if (s.rollups) await rollUp(s);
      // The dashboard reads get 40 % of what is left, the monitors the rest.
      const readDeadline = new Deadline((deadline.remainingMs / 1000) * 0.4);
      await dashboard(
        db,
        reads,
        readDeadline,
        s,
        args.has('profile'),
        args.has('explain'),
      );
      await dashboardWithHourUnderWay(
        Math.min(reads, 10),
        new Deadline((deadline.remainingMs / 1000) * 0.2),
        s,
      );
      await monitors(db, monitorCount, deadline, s);
    } finally {
      await db.destroy();
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
