// @ts-check

/**
 * Models (CML's "Models"): a function in a project file, built into an
 * immutable snapshot, deployed as N replica workloads and called with
 * per-model access keys. Keys are stored as SHA-256 hashes only. Builds and
 * replicas run in the build's snapshot, so workloads get a working folder of
 * their own (`work_dir`; null means the live project folder).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('models', table => {
    table.string('id', 36).primary();
    table.string('project_id', 36).notNullable();
    table.string('name', 63).notNullable();
    table.text('description').notNullable();
    table.boolean('disable_authentication').notNullable();
    table
      .string('active_deployment_id', 36)
      .nullable()
      .comment('the deployment that serves traffic');
    table.string('created_by', 200).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.unique(['project_id', 'name'], { indexName: 'models_name_idx' });
  });

  await knex.schema.createTable('model_builds', table => {
    table.string('id', 36).primary();
    table.string('model_id', 36).notNullable();
    table.integer('number').notNullable().comment('1-based, per model');
    table.string('file_path', 1024).notNullable();
    table.string('function_name', 200).notNullable();
    table.string('runtime_id', 36).notNullable();
    table.string('profile', 63).notNullable();
    table.text('comment').notNullable();
    table
      .text('examples')
      .notNullable()
      .comment('JSON array of {request, response}');
    table.text('env').notNullable().comment('JSON object');
    table.string('state', 16).notNullable();
    table.text('reason').nullable();
    table.string('workload_id', 36).nullable();
    table
      .text('datasets')
      .notNullable()
      .comment('JSON array, from lineage.yaml');
    table
      .text('lineage_metadata')
      .notNullable()
      .comment('JSON object, from lineage.yaml');
    table.string('created_by', 200).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('built_at', 32).nullable();
    table.unique(['model_id', 'number'], {
      indexName: 'model_builds_number_idx',
    });
    table.index(['workload_id'], 'model_builds_workload_idx');
  });

  await knex.schema.createTable('model_deployments', table => {
    table.string('id', 36).primary();
    table.string('model_id', 36).notNullable();
    table.string('build_id', 36).notNullable();
    table.integer('replicas').notNullable();
    table.string('profile', 63).notNullable();
    table.text('env').notNullable().comment('JSON object');
    table.string('state', 16).notNullable();
    table.text('reason').nullable();
    table
      .string('replaced_at', 32)
      .nullable()
      .comment(
        'lost traffic to a newer deployment; stops after the drain period',
      );
    table.string('created_by', 200).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('stopped_at', 32).nullable();
    table.index(['model_id'], 'model_deployments_model_idx');
    table.index(['state'], 'model_deployments_state_idx');
  });

  await knex.schema.createTable('model_replicas', table => {
    table.string('deployment_id', 36).notNullable();
    table.integer('replica_index').notNullable();
    table.string('workload_id', 36).notNullable();
    table.primary(['deployment_id', 'replica_index']);
    table.index(['workload_id'], 'model_replicas_workload_idx');
  });

  await knex.schema.createTable('model_access_keys', table => {
    table.string('id', 36).primary();
    table.string('model_id', 36).notNullable();
    table.string('name', 100).notNullable();
    table
      .string('key_hash', 64)
      .notNullable()
      .comment('hex SHA-256 of the key; the key itself is never stored');
    table.string('masked', 32).notNullable();
    table.string('created_by', 200).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('last_used_at', 32).nullable();
    table.unique(['key_hash'], { indexName: 'model_access_keys_hash_idx' });
    table.index(['model_id'], 'model_access_keys_model_idx');
  });

  await knex.schema.alterTable('workloads', table => {
    table
      .string('work_dir', 1024)
      .nullable()
      .comment('folder the workload runs in; null: the project folder');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('workloads', table => {
    table.dropColumn('work_dir');
  });
  await knex.schema.dropTable('model_access_keys');
  await knex.schema.dropTable('model_replicas');
  await knex.schema.dropTable('model_deployments');
  await knex.schema.dropTable('model_builds');
  await knex.schema.dropTable('models');
};
