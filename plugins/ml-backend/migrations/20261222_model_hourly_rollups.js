// @ts-check

/**
 * Hourly rollups of a model's predictions, so that the Monitoring tab and
 * monitors read one row per (deployment, hour) instead of every prediction.
 *
 * - `model_rollup_hours`: per (model, hour) whether it is rolled up:
 *   `rolled_at` is when the rollup that wrote the rows started reading,
 *   `dirty_at` when data of the hour last changed after it closed (a delayed
 *   truth, a late point or prediction). The hour's rows are current when
 *   `rolled_at` is set and `dirty_at` is null or earlier. `quality_key` is
 *   the (task, prediction metric, truth metric) the quality rows were
 *   computed for.
 * - `model_rollup_cursors`: per model, the hour the rollup looks for
 *   predictions from next (hours before it were rolled up or empty).
 * - `model_hourly_technical`: requests, errors and a latency histogram
 *   (JSON {bucket: count}, log-spaced buckets, see latencyHistogram.ts).
 * - `model_hourly_metric_sums`: count and sum of each tracked and delayed
 *   metric (deployment '' for points outside a deployment).
 * - `model_hourly_quality`: regression error sums, the (prediction, truth)
 *   label pair counts (JSON, classification) and an evenly spread sample of
 *   the hour's pairs (JSON).
 * - `model_hourly_drift`: per drift feature, the category counts (JSON
 *   {category: count}) or, for a numeric feature, the counts in fine bins
 *   on its baseline's quantiles (JSON array, see driftHistogram.ts).
 *
 * Times are epoch milliseconds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('model_rollup_hours', table => {
    table.string('model_id', 36).notNullable();
    table.bigInteger('hour_start').notNullable();
    table.bigInteger('rolled_at').nullable();
    table.bigInteger('dirty_at').nullable();
    table.string('quality_key', 450).nullable();
    table.string('drift_key', 64).nullable();
    table.primary(['model_id', 'hour_start']);
  });

  await knex.schema.createTable('model_rollup_cursors', table => {
    table.string('model_id', 36).primary();
    table.bigInteger('next_hour').notNullable();
  });

  await knex.schema.createTable('model_hourly_technical', table => {
    table.string('model_id', 36).notNullable();
    table.bigInteger('hour_start').notNullable();
    table.string('deployment_id', 36).notNullable();
    table.integer('requests').notNullable();
    table.integer('errors').notNullable();
    table.text('latency_histogram').notNullable();
    table.primary(['model_id', 'hour_start', 'deployment_id']);
  });

  await knex.schema.createTable('model_hourly_metric_sums', table => {
    table.string('model_id', 36).notNullable();
    table.bigInteger('hour_start').notNullable();
    table.string('deployment_id', 36).notNullable();
    table.string('kind', 8).notNullable();
    table.string('name', 200).notNullable();
    table.integer('count').notNullable();
    table.double('sum').notNullable();
    table.primary(['model_id', 'hour_start', 'deployment_id', 'kind', 'name']);
  });

  await knex.schema.createTable('model_hourly_quality', table => {
    table.string('model_id', 36).notNullable();
    table.bigInteger('hour_start').notNullable();
    table.string('deployment_id', 36).notNullable();
    table.integer('pairs').notNullable();
    table.double('sum_abs_error').notNullable();
    table.double('sum_squared_error').notNullable();
    table.double('sum_abs_percent_error').notNullable();
    table.integer('non_zero_truth').notNullable();
    table
      .text('label_pairs')
      .nullable()
      .comment('JSON [[prediction, truth, count]]');
    table
      .text('sample')
      .notNullable()
      .comment('JSON [[at_ms, prediction, truth]]');
    table.primary(['model_id', 'hour_start', 'deployment_id']);
  });

  await knex.schema.createTable('model_hourly_drift', table => {
    table.string('model_id', 36).notNullable();
    table.bigInteger('hour_start').notNullable();
    table.string('deployment_id', 36).notNullable();
    table.string('feature', 200).notNullable();
    table.text('counts').notNullable();
    table.primary(['model_id', 'hour_start', 'deployment_id', 'feature']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'model_hourly_drift',
    'model_hourly_quality',
    'model_hourly_metric_sums',
    'model_hourly_technical',
    'model_rollup_cursors',
    'model_rollup_hours',
  ]) {
    await knex.schema.dropTable(name);
  }
};
