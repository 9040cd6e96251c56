/**
 * Rows for the tracking bench, written straight into the tracking tables:
 * an experiment of many runs (with params, tags, latest metrics and a
 * dataset input each) and one long metric history.
 */
import { Knex } from 'knex';
import { insertJsonRows } from '@ml-platform/plugin-ml-backend/testUtils';

type PgType = 'text' | 'integer' | 'bigint' | 'double precision';
const col = (name: string, pgType: PgType) => ({ name, pgType });

const METRIC_COLUMNS = [
  col('run_id', 'text'),
  col('key', 'text'),
  col('value', 'double precision'),
  col('special', 'text'),
  col('timestamp', 'bigint'),
  col('step', 'bigint'),
];
const KEY_VALUE_COLUMNS = [
  col('run_id', 'text'),
  col('key', 'text'),
  col('value', 'text'),
];

export const runIdOf = (n: number) => `b${n.toString(16).padStart(31, '0')}`;

/**
 * `count` finished and failed runs in the experiment, as a sweep logs them:
 * 5 params, 3 tags, latest values of rmse, acc and loss (spread over
 * [0, 1)), one dataset input.
 */
export async function seedRuns(
  knex: Knex,
  options: { experimentId: string; projectId: string; count: number },
) {
  const numbers = Array.from({ length: options.count }, (_, n) => n);
  await insertJsonRows(
    knex,
    'ml_runs',
    [
      col('id', 'text'),
      col('experiment_id', 'integer'),
      col('project_id', 'text'),
      col('name', 'text'),
      col('user_id', 'text'),
      col('status', 'text'),
      col('start_time', 'bigint'),
      col('end_time', 'bigint'),
      col('lifecycle_stage', 'text'),
      col('artifact_uri', 'text'),
    ],
    numbers.map(n => [
      runIdOf(n),
      Number(options.experimentId),
      options.projectId,
      `run-${n}`,
      `user:default/u${n % 7}`,
      n % 5 ? 'FINISHED' : 'FAILED',
      1_700_000_000_000 + n * 1000,
      1_700_000_000_000 + n * 1000 + 600_000,
      'active',
      `mlflow-artifacts:/${options.experimentId}/${runIdOf(n)}/artifacts`,
    ]),
  );
  const keyed = (keys: string[], value: (n: number, key: string) => unknown) =>
    numbers.flatMap(n => keys.map(key => [runIdOf(n), key, value(n, key)]));
  await insertJsonRows(
    knex,
    'ml_run_latest_metrics',
    METRIC_COLUMNS,
    keyed(
      ['rmse', 'acc', 'loss'],
      (n, key) => ((n * 7919 + key.length * 104_729) % 1000) / 1000,
    ).map(([run, key, value]) => [run, key, value, null, 1_700_000_000_000, 9]),
  );
  await insertJsonRows(
    knex,
    'ml_run_params',
    KEY_VALUE_COLUMNS,
    keyed(['lr', 'optimizer', 'epochs', 'batch_size', 'seed'], (n, key) =>
      key === 'optimizer' ? ['adam', 'sgd', 'Adam'][n % 3] : String(n % 97),
    ),
  );
  await insertJsonRows(
    knex,
    'ml_run_tags',
    KEY_VALUE_COLUMNS,
    keyed(['team', 'mlflow.user', 'mlflow.runName'], (n, key) => {
      if (key === 'team') return ['vision', 'nlp'][n % 2];
      return key === 'mlflow.user' ? `user:default/u${n % 7}` : `run-${n}`;
    }),
  );
  await insertJsonRows(
    knex,
    'ml_run_inputs',
    [
      col('run_id', 'text'),
      col('name', 'text'),
      col('digest', 'text'),
      col('source_type', 'text'),
      col('source', 'text'),
      col('tags', 'text'),
    ],
    numbers.map(n => [
      runIdOf(n),
      `ds${n % 10}`,
      `d${n % 10}`,
      'local',
      '{}',
      JSON.stringify([
        { key: 'mlflow.data.context', value: n % 2 ? 'training' : 'eval' },
      ]),
    ]),
  );
}

/**
 * A training run's history: `steps` points of each key, the keys logged
 * together at every step (so one key's rows are interleaved with the
 * others'), plus their latest points.
 */
export async function seedHistory(
  knex: Knex,
  options: { runId: string; keys: string[]; steps: number; t0: number },
) {
  const { runId, keys, steps, t0 } = options;
  const valueOf = (key: string, step: number) =>
    key === 'loss' ? 1 / (1 + step / 1000) : (step % 1000) / 1000;
  const chunkSteps = Math.max(1, Math.floor(10_000 / keys.length));
  for (let from = 0; from < steps; from += chunkSteps) {
    const rows: unknown[][] = [];
    for (let step = from; step < Math.min(steps, from + chunkSteps); step++) {
      for (const key of keys) {
        rows.push([runId, key, valueOf(key, step), null, t0 + step, step]);
      }
    }
    await insertJsonRows(knex, 'ml_run_metrics', METRIC_COLUMNS, rows);
  }
  await insertJsonRows(
    knex,
    'ml_run_latest_metrics',
    METRIC_COLUMNS,
    keys.map(key => [
      runId,
      key,
      valueOf(key, steps - 1),
      null,
      t0 + steps - 1,
      steps - 1,
    ]),
    'ON CONFLICT ("run_id", "key") DO NOTHING',
  );
}
