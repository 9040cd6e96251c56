// @ts-check

/**
 * Experiment tracking as MLflow's REST API sees it. Every experiment belongs
 * to a project (its permissions guard every call); runs carry their
 * project too, so that access checks and searches need no join. Times are
 * epoch milliseconds, as on MLflow's wire. `ml_run_latest_metrics` keeps
 * each run's latest point per key (MLflow's rule: highest step, then
 * timestamp, then value) so that searches filter and order on it without
 * reading the history.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ml_experiments', table => {
    table.increments('id').primary();
    table
      .string('project_id', 36)
      .notNullable()
      .references('id')
      .inTable('projects')
      .onDelete('CASCADE');
    table.string('name', 500).notNullable();
    table.string('artifact_location', 1000).notNullable();
    table.string('lifecycle_stage', 16).notNullable().comment('active|deleted');
    table.bigInteger('creation_time').notNullable();
    table.bigInteger('last_update_time').notNullable();
    table.unique(['project_id', 'name'], {
      indexName: 'ml_experiments_name_idx',
    });
  });

  await knex.schema.createTable('ml_experiment_tags', table => {
    table
      .integer('experiment_id')
      .notNullable()
      .references('id')
      .inTable('ml_experiments')
      .onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table.text('value').notNullable();
    table.primary(['experiment_id', 'key']);
  });

  await knex.schema.createTable('ml_runs', table => {
    table.string('id', 32).primary().comment('run_id: 32 hex characters');
    table
      .integer('experiment_id')
      .notNullable()
      .references('id')
      .inTable('ml_experiments')
      .onDelete('CASCADE');
    table.string('project_id', 36).notNullable();
    table.string('name', 250).notNullable();
    table.string('user_id', 250).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('RUNNING|SCHEDULED|FINISHED|FAILED|KILLED');
    table.bigInteger('start_time').notNullable();
    table.bigInteger('end_time').nullable();
    table.string('lifecycle_stage', 16).notNullable().comment('active|deleted');
    table.bigInteger('deleted_time').nullable();
    table.string('artifact_uri', 1000).notNullable();
    table
      .string('workload_id', 36)
      .nullable()
      .comment('the session or job run that made the run');
    table.index(['experiment_id', 'start_time'], 'ml_runs_experiment_idx');
    table.index(['workload_id'], 'ml_runs_workload_idx');
  });

  await knex.schema.createTable('ml_run_params', table => {
    table
      .string('run_id', 32)
      .notNullable()
      .references('id')
      .inTable('ml_runs')
      .onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table.text('value').notNullable();
    table.primary(['run_id', 'key']);
  });

  await knex.schema.createTable('ml_run_tags', table => {
    table
      .string('run_id', 32)
      .notNullable()
      .references('id')
      .inTable('ml_runs')
      .onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table.text('value').notNullable();
    table.primary(['run_id', 'key']);
  });

  await knex.schema.createTable('ml_run_metrics', table => {
    table.bigIncrements('id').primary();
    table
      .string('run_id', 32)
      .notNullable()
      .references('id')
      .inTable('ml_runs')
      .onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table.double('value').nullable().comment('null for NaN and infinities');
    table
      .string('special', 16)
      .nullable()
      .comment('NaN|Infinity|-Infinity, which SQL cannot hold as numbers');
    table.bigInteger('timestamp').notNullable();
    table.bigInteger('step').notNullable();
    // A history is read in (step, timestamp, id) order, page after page
    // from where the last one ended.
    table.index(
      ['run_id', 'key', 'step', 'timestamp', 'id'],
      'ml_run_metrics_history_idx',
    );
  });

  await knex.schema.createTable('ml_run_latest_metrics', table => {
    table
      .string('run_id', 32)
      .notNullable()
      .references('id')
      .inTable('ml_runs')
      .onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table.double('value').nullable();
    table.string('special', 16).nullable();
    table.bigInteger('timestamp').notNullable();
    table.bigInteger('step').notNullable();
    table.primary(['run_id', 'key']);
    table.index(['key', 'value'], 'ml_run_latest_metrics_value_idx');
  });

  await knex.schema.createTable('ml_run_inputs', table => {
    table.bigIncrements('id').primary();
    table
      .string('run_id', 32)
      .notNullable()
      .references('id')
      .inTable('ml_runs')
      .onDelete('CASCADE');
    table.string('name', 500).notNullable();
    table.string('digest', 36).notNullable();
    table.string('source_type', 36).notNullable();
    table.text('source').notNullable();
    table.text('schema').nullable();
    table.text('profile').nullable();
    table.text('tags').notNullable().comment('JSON array of {key, value}');
    table.unique(['run_id', 'name', 'digest'], {
      indexName: 'ml_run_inputs_dataset_idx',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'ml_run_inputs',
    'ml_run_latest_metrics',
    'ml_run_metrics',
    'ml_run_tags',
    'ml_run_params',
    'ml_runs',
    'ml_experiment_tags',
    'ml_experiments',
  ]) {
    await knex.schema.dropTable(table);
  }
};
