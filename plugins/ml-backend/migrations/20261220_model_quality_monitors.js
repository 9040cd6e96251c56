// @ts-check

/**
 * The MLOps loop: what a model's quality and drift are computed from, the
 * monitors that watch them, and what happens when they fire.
 *
 * - `model_monitoring_settings`: per model, which tracked metric is the
 *   prediction and which delayed metric is the truth, the task (regression
 *   or classification) and the input features drift is computed for.
 * - `model_prediction_inputs`: the declared features of each prediction's
 *   request, captured by the gateway (a number or a category each).
 * - `model_drift_baselines`: per model and feature, the reference sample
 *   drift is measured against (sorted numbers or category counts, JSON).
 * - `model_aggregate_metrics`: values of a whole window (CML's
 *   `track_aggregate_metrics`), such as an externally computed accuracy.
 * - `model_monitors`, `model_monitor_evaluations`: monitors and one row per
 *   evaluated window; the unique (monitor, window end) is the claim that
 *   makes several backends evaluate a window once.
 * - `model_promotion_policies`: when a job's candidate replaces the active
 *   deployment.
 * - `model_events`: the model's history (alerts, triggered retrains,
 *   promotions and refusals), newest first.
 * - `jobs.candidate`: what a job produces for its model (JSON), if anything.
 *
 * Times are epoch milliseconds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const modelRef = (
    /** @type {import('knex').Knex.CreateTableBuilder} */ table,
  ) =>
    table
      .string('model_id', 36)
      .notNullable()
      .references('id')
      .inTable('models')
      .onDelete('CASCADE');

  await knex.schema.createTable('model_monitoring_settings', table => {
    modelRef(table).primary();
    table
      .string('task', 20)
      .notNullable()
      .comment("'regression' or 'classification'");
    table.string('prediction_metric', 200).nullable();
    table.string('truth_metric', 200).nullable();
    table.text('features').notNullable().comment('JSON [{name, type}]');
    table.integer('baseline_size').notNullable();
    table.string('source', 20).notNullable().comment("'settings' or 'lineage'");
    table.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('model_prediction_inputs', table => {
    table.bigIncrements('id').primary();
    table.string('model_id', 36).notNullable();
    table.string('deployment_id', 36).notNullable();
    table.string('prediction_uuid', 36).notNullable();
    table.bigInteger('at_ms').notNullable();
    table.string('name', 200).notNullable();
    table.double('num_value').nullable();
    table.string('text_value', 200).nullable();
    table.index(['model_id', 'name', 'at_ms'], 'model_prediction_inputs_idx');
    table.index(['deployment_id', 'at_ms'], 'model_prediction_inputs_dep_idx');
  });

  await knex.schema.createTable('model_drift_baselines', table => {
    modelRef(table);
    table.string('name', 200).notNullable();
    table
      .string('type', 20)
      .notNullable()
      .comment("'numeric' or 'categorical'");
    table
      .text('sample')
      .notNullable()
      .comment('JSON: sorted numbers or {category: count}');
    table.integer('size').notNullable();
    table.string('source', 300).notNullable();
    table.bigInteger('created_at').notNullable();
    table.primary(['model_id', 'name']);
  });

  await knex.schema.createTable('model_aggregate_metrics', table => {
    table.bigIncrements('id').primary();
    table.string('project_id', 36).notNullable();
    modelRef(table);
    table.string('deployment_id', 36).nullable();
    table.string('name', 200).notNullable();
    table.double('value').notNullable();
    table.bigInteger('start_ms').notNullable();
    table.bigInteger('end_ms').notNullable();
    table.bigInteger('at_ms').notNullable();
    table.index(['model_id', 'name', 'end_ms'], 'model_aggregate_metrics_idx');
  });

  await knex.schema.createTable('model_monitors', table => {
    table.string('id', 36).primary();
    table.string('project_id', 36).notNullable();
    modelRef(table);
    table.string('name', 100).notNullable();
    table.text('metric').notNullable().comment('JSON MonitorMetric');
    table.integer('window_seconds').notNullable();
    table.double('threshold').notNullable();
    table.string('direction', 10).notNullable().comment("'above' or 'below'");
    table.integer('min_samples').notNullable();
    table.integer('cooldown_seconds').notNullable();
    table.string('trigger_job_id', 36).nullable();
    table.boolean('enabled').notNullable();
    table.string('state', 20).notNullable();
    table.bigInteger('state_since').notNullable();
    table.double('last_value').nullable();
    table.integer('last_samples').nullable();
    table.bigInteger('last_window_end').nullable();
    table.bigInteger('last_triggered_at').nullable();
    table.string('created_by', 300).notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.unique(['model_id', 'name'], {
      indexName: 'model_monitors_name_idx',
    });
  });

  await knex.schema.createTable('model_monitor_evaluations', table => {
    table.bigIncrements('id').primary();
    table
      .string('monitor_id', 36)
      .notNullable()
      .references('id')
      .inTable('model_monitors')
      .onDelete('CASCADE');
    table.bigInteger('window_start').notNullable();
    table.bigInteger('window_end').notNullable();
    table.double('value').nullable();
    table.integer('samples').notNullable();
    table.string('state', 20).notNullable();
    table.boolean('transition').notNullable();
    table.string('triggered_run_id', 36).nullable();
    table.text('detail').nullable();
    table.bigInteger('evaluated_at').notNullable();
    table.unique(['monitor_id', 'window_end'], {
      indexName: 'model_monitor_evaluations_window_idx',
    });
  });

  await knex.schema.createTable('model_promotion_policies', table => {
    modelRef(table).primary();
    table.boolean('enabled').notNullable();
    table.string('metric', 200).notNullable();
    table
      .string('source', 20)
      .notNullable()
      .comment("'mlflowRun', 'jobOutput' or 'trackedMetric'");
    table.string('better', 10).notNullable().comment("'higher' or 'lower'");
    table.double('margin').notNullable();
    table.string('updated_by', 300).notNullable();
    table.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('model_events', table => {
    table.bigIncrements('id').primary();
    table.string('project_id', 36).notNullable();
    modelRef(table);
    table.string('kind', 40).notNullable();
    table.text('message').notNullable();
    table.text('details').notNullable().comment('JSON object');
    table.bigInteger('at_ms').notNullable();
    table.index(['model_id', 'at_ms'], 'model_events_model_idx');
  });

  await knex.schema.alterTable('jobs', table => {
    table.text('candidate').nullable().comment('JSON JobCandidate');
  });
  await knex.schema.alterTable('model_builds', table => {
    table.text('evaluation').nullable().comment('JSON {metric: value}');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('model_builds', table => {
    table.dropColumn('evaluation');
  });
  await knex.schema.alterTable('jobs', table => {
    table.dropColumn('candidate');
  });
  for (const name of [
    'model_events',
    'model_promotion_policies',
    'model_monitor_evaluations',
    'model_monitors',
    'model_aggregate_metrics',
    'model_drift_baselines',
    'model_prediction_inputs',
    'model_monitoring_settings',
  ]) {
    await knex.schema.dropTable(name);
  }
};
