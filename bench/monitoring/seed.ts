/**
 * The rows of bench/monitoring.ts: one model's deployment with its
 * predictions, tracked and delayed metrics, captured features and
 * baselines, written as the stores write them (JSON-parameter inserts).
 */
import { Knex } from 'knex';
import {
  insertJsonRows,
  METRIC_POINT_COLUMNS,
} from '@ml-platform/plugin-ml-backend/testUtils';
import { JsonColumn } from '../../plugins/ml-backend/src/database/jsonRowsInsert';
import { DriftBaselineStore } from '../../plugins/ml-backend/src/models/quality/DriftBaselineStore';
import { BenchDb } from '../lib/db';
import { fmt, rng } from '../lib/util';

export const PROJECT = '11111111-1111-4111-8111-111111111111';
export const MODEL = '22222222-2222-4222-8222-222222222222';
export const DEPLOYMENT = '33333333-3333-4333-8333-333333333333';
export const HOUR = 3_600_000;
/** An hour boundary past 2^31 ms, so times must survive as bigints. */
export const T0 = Math.floor(1_790_000_000_000 / HOUR) * HOUR;
export const END = T0 + 24 * HOUR;
const SEGMENTS = ['a', 'b', 'c', 'd', 'e'];
const CHUNK = 5000;
const TX_ROWS = 100_000;
export const BASELINE_SIZE = 10_000;

export const uuidOf = (i: number) =>
  `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

const PREDICTION_COLUMNS: JsonColumn[] = [
  { name: 'uuid', pgType: 'text' },
  { name: 'project_id', pgType: 'text' },
  { name: 'model_id', pgType: 'text' },
  { name: 'deployment_id', pgType: 'text' },
  { name: 'replica', pgType: 'integer' },
  { name: 'at_ms', pgType: 'bigint' },
  { name: 'latency_ms', pgType: 'double precision' },
  { name: 'model_ms', pgType: 'double precision' },
  { name: 'status', pgType: 'integer' },
  { name: 'success', pgType: 'boolean' },
  { name: 'error_name', pgType: 'text' },
];
const INPUT_COLUMNS: JsonColumn[] = [
  { name: 'model_id', pgType: 'text' },
  { name: 'deployment_id', pgType: 'text' },
  { name: 'prediction_uuid', pgType: 'text' },
  { name: 'at_ms', pgType: 'bigint' },
  { name: 'name', pgType: 'text' },
  { name: 'num_value', pgType: 'double precision' },
  { name: 'text_value', pgType: 'text' },
];

/** Gaussian from two uniforms (Box-Muller). */
function gaussian(random: () => number) {
  return (
    Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  );
}

/** Buffers rows per table; writes 5,000 per statement, 100,000 per transaction. */
class Filler {
  private readonly pending = new Map<
    string,
    { columns: JsonColumn[]; rows: unknown[][] }
  >();
  private inTx = 0;
  private tx: Knex.Transaction | undefined;
  rows = 0;

  constructor(private readonly knex: Knex) {}

  async add(table: string, columns: JsonColumn[], row: unknown[]) {
    let entry = this.pending.get(table);
    if (!entry) {
      entry = { columns, rows: [] };
      this.pending.set(table, entry);
    }
    entry.rows.push(row);
    if (entry.rows.length >= CHUNK) await this.write(table);
  }

  private async write(table: string) {
    const entry = this.pending.get(table)!;
    if (entry.rows.length === 0) return;
    this.tx ??= await this.knex.transaction();
    await insertJsonRows(this.tx, table, entry.columns, entry.rows.splice(0));
    this.inTx += CHUNK;
    if (this.inTx >= TX_ROWS) await this.commit();
  }

  private async commit() {
    await this.tx?.commit();
    this.tx = undefined;
    this.inTx = 0;
  }

  async done() {
    for (const table of this.pending.keys()) await this.write(table);
    await this.commit();
  }
}

export async function seed(
  db: BenchDb,
  predictions: number,
  truthShare: number,
) {
  const { knex } = db;
  const started = performance.now();
  await knex('models').insert({
    id: MODEL,
    project_id: PROJECT,
    name: 'churn',
    description: '',
    disable_authentication: false,
    active_deployment_id: null,
    created_by: 'user:default/bench',
    created_at: new Date(T0).toISOString(),
    updated_at: new Date(T0).toISOString(),
  });
  if (db.kind === 'sqlite') await knex.raw('PRAGMA synchronous = OFF');
  const random = rng(12);
  const filler = new Filler(knex);
  let truths = 0;
  for (let i = 0; i < predictions; i++) {
    const atMs = T0 + Math.floor((i * 24 * HOUR) / predictions);
    const hour = Math.floor((atMs - T0) / HOUR);
    const uuid = uuidOf(i);
    const failed = random() < 0.01;
    await filler.add('model_predictions', PREDICTION_COLUMNS, [
      uuid,
      PROJECT,
      MODEL,
      DEPLOYMENT,
      i % 3,
      atMs,
      5 + 20 * random(),
      3 + 10 * random(),
      failed ? 500 : 200,
      !failed,
      failed ? 'ModelError' : null,
    ]);
    // `x` drifts: its mean moves by 0.05 per hour.
    const x = gaussian(random) + hour * 0.05;
    const prediction = 2 * x + 0.3 * gaussian(random);
    await filler.add('model_metric_points', METRIC_POINT_COLUMNS, [
      PROJECT,
      MODEL,
      DEPLOYMENT,
      uuid,
      'tracked',
      'prediction',
      prediction,
      atMs,
    ]);
    if (random() < truthShare) {
      truths++;
      await filler.add('model_metric_points', METRIC_POINT_COLUMNS, [
        PROJECT,
        MODEL,
        DEPLOYMENT,
        uuid,
        'delayed',
        'actual',
        2 * x + 0.3 * gaussian(random),
        atMs,
      ]);
    }
    await filler.add('model_prediction_inputs', INPUT_COLUMNS, [
      MODEL,
      DEPLOYMENT,
      uuid,
      atMs,
      'x',
      x,
      null,
    ]);
    const segment =
      SEGMENTS[Math.min(4, Math.floor(random() * (5 + hour / 24)))];
    await filler.add('model_prediction_inputs', INPUT_COLUMNS, [
      MODEL,
      DEPLOYMENT,
      uuid,
      atMs,
      'segment',
      null,
      segment,
    ]);
  }
  await filler.done();
  if (db.kind === 'sqlite') await knex.raw('PRAGMA synchronous = FULL');
  if (db.kind === 'pg') await knex.raw('ANALYZE');

  // Baselines as a training set would give them: x ~ N(0, 1).
  const base = Array.from({ length: BASELINE_SIZE }, () => gaussian(random));
  const counts: Record<string, number> = {};
  for (let i = 0; i < BASELINE_SIZE; i++) {
    const s = SEGMENTS[Math.floor(random() * 5)];
    counts[s] = (counts[s] ?? 0) + 1;
  }
  await new DriftBaselineStore(knex).replace(
    [
      { feature: 'x', sample: { type: 'numeric' as const, values: base } },
      {
        feature: '$prediction',
        sample: {
          type: 'numeric' as const,
          values: base.map(v => 2 * v + 0.3 * gaussian(random)),
        },
      },
      { feature: 'segment', sample: { type: 'categorical' as const, counts } },
    ].map(b => ({
      modelId: MODEL,
      ...b,
      size: BASELINE_SIZE,
      source: 'bench',
      createdAtMs: T0,
    })),
  );
  console.log(
    `seeded ${fmt(predictions, 0)} predictions (${fmt(
      truths,
      0,
    )} with delayed truth), ${fmt(
      predictions + truths,
      0,
    )} metric points, ${fmt(2 * predictions, 0)} captured inputs in ${fmt(
      (performance.now() - started) / 1000,
    )} s`,
  );
}
