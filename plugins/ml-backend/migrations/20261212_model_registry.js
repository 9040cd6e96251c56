// @ts-check

/**
 * MLflow's model registry. MLflow addresses a registered model by its name
 * alone, so names are unique across the server; each model still belongs
 * to a project, whose permissions guard it. Versions are numbered 1, 2, 3…
 * per model and never reused: `last_version` counts the versions ever made,
 * deleted ones included. Rows point at their model by its id so that a
 * rename touches one row. `storage_location` is the artifact store path a
 * version's source resolves to (`<experiment_id>/<run_id>/artifacts/<path>`).
 * Times are epoch milliseconds, as on MLflow's wire.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ml_registered_models', table => {
    table.increments('id').primary();
    table
      .string('project_id', 36)
      .notNullable()
      .references('id')
      .inTable('projects')
      .onDelete('CASCADE');
    table.string('name', 256).notNullable();
    table.text('description').nullable();
    table.bigInteger('creation_timestamp').notNullable();
    table.bigInteger('last_updated_timestamp').notNullable();
    table.integer('last_version').notNullable().defaultTo(0);
    table.unique(['name'], { indexName: 'ml_registered_models_name_idx' });
    table.index(['project_id'], 'ml_registered_models_project_idx');
  });

  await knex.schema.createTable('ml_registered_model_tags', table => {
    table
      .integer('model_id')
      .notNullable()
      .references('id')
      .inTable('ml_registered_models')
      .onDelete('CASCADE');
    table.string('key', 250).notNullable();
    table.text('value').notNullable();
    table.primary(['model_id', 'key']);
  });

  await knex.schema.createTable('ml_registered_model_aliases', table => {
    table
      .integer('model_id')
      .notNullable()
      .references('id')
      .inTable('ml_registered_models')
      .onDelete('CASCADE');
    table.string('alias', 256).notNullable();
    table.integer('version').notNullable();
    table.primary(['model_id', 'alias']);
  });

  await knex.schema.createTable('ml_model_versions', table => {
    table
      .integer('model_id')
      .notNullable()
      .references('id')
      .inTable('ml_registered_models')
      .onDelete('CASCADE');
    table.integer('version').notNullable();
    table.string('project_id', 36).notNullable();
    table.text('description').nullable();
    table.text('source').notNullable();
    table.text('storage_location').notNullable();
    table.string('run_id', 32).nullable();
    table.text('run_link').nullable();
    table
      .string('status', 32)
      .notNullable()
      .comment('PENDING_REGISTRATION|FAILED_REGISTRATION|READY');
    table.text('status_message').nullable();
    table.string('user_id', 250).notNullable();
    table
      .string('current_stage', 20)
      .notNullable()
      .comment('None|Staging|Production|Archived');
    table.bigInteger('creation_timestamp').notNullable();
    table.bigInteger('last_updated_timestamp').notNullable();
    table.primary(['model_id', 'version']);
    table.index(['run_id'], 'ml_model_versions_run_idx');
  });

  await knex.schema.createTable('ml_model_version_tags', table => {
    table.integer('model_id').notNullable();
    table.integer('version').notNullable();
    table.string('key', 250).notNullable();
    table.text('value').notNullable();
    table.primary(['model_id', 'version', 'key']);
    table
      .foreign(['model_id', 'version'])
      .references(['model_id', 'version'])
      .inTable('ml_model_versions')
      .onDelete('CASCADE');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'ml_model_version_tags',
    'ml_model_versions',
    'ml_registered_model_aliases',
    'ml_registered_model_tags',
    'ml_registered_models',
  ]) {
    await knex.schema.dropTable(table);
  }
};
