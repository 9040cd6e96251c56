// @ts-check

/**
 * Model monitoring: one row per prediction served by the gateway, metric
 * points (values a model tracked during a prediction or on its own, and
 * delayed metrics such as ground truth joined later by prediction uuid), and
 * samples of each replica's CPU and memory.
 *
 * Times are epoch milliseconds (bigint) rather than ISO text: the read API
 * buckets them arithmetically (`at_ms - at_ms % step`) in SQL, and the
 * tables grow by one row per request.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('model_predictions', table => {
    table.string('uuid', 36).primary();
    table.string('project_id', 36).notNullable();
    table.string('model_id', 36).notNullable();
    table.string('deployment_id', 36).notNullable();
    table.integer('replica').notNullable();
    table.bigInteger('at_ms').notNullable();
    table.double('latency_ms').notNullable();
    table.double('model_ms').nullable();
    table
      .integer('status')
      .notNullable()
      .comment('HTTP status returned to the caller');
    table.boolean('success').notNullable();
    table.string('error_name', 200).nullable();
    table.index(['deployment_id', 'at_ms'], 'model_predictions_deployment_idx');
    table.index(['model_id', 'at_ms'], 'model_predictions_model_idx');
  });

  await knex.schema.createTable('model_metric_points', table => {
    table.bigIncrements('id').primary();
    table.string('project_id', 36).notNullable();
    table.string('model_id', 36).notNullable();
    table.string('deployment_id', 36).nullable();
    table.string('prediction_uuid', 36).nullable();
    table.string('kind', 8).notNullable().comment("'tracked' or 'delayed'");
    table.string('name', 200).notNullable();
    table.double('value').notNullable();
    table
      .bigInteger('at_ms')
      .notNullable()
      .comment("for delayed metrics, the prediction's time");
    table.index(
      ['model_id', 'name', 'at_ms'],
      'model_metric_points_series_idx',
    );
    // A delayed metric sent twice replaces itself; NULL uuids (points outside
    // a prediction) never collide.
    table.unique(['prediction_uuid', 'kind', 'name'], {
      indexName: 'model_metric_points_prediction_idx',
    });
  });

  await knex.schema.createTable('model_replica_usage', table => {
    table.bigIncrements('id').primary();
    table.string('model_id', 36).notNullable();
    table.string('deployment_id', 36).notNullable();
    table.string('workload_id', 36).notNullable();
    table.integer('replica').notNullable();
    table.bigInteger('at_ms').notNullable();
    table.double('cpu').notNullable().comment('vCPU');
    table.double('memory_mib').notNullable();
    table.index(['model_id', 'at_ms'], 'model_replica_usage_model_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('model_replica_usage');
  await knex.schema.dropTable('model_metric_points');
  await knex.schema.dropTable('model_predictions');
};
