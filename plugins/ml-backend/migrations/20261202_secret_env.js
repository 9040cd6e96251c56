// @ts-check

/**
 * Secret env vars of workloads, and the model a workload belongs to.
 *
 * - `secret_env`: the secret half of a workload's merged env, as
 *   name → ciphertext (AES-256-GCM); `env` keeps the plain half. The env
 *   columns of workspaces, projects, jobs, builds, deployments and
 *   applications hold secrets inline as `{"secret": true, "ciphertext"}`
 *   entries and need no new column.
 * - `model_id`, `deployment_id`: set by the platform for builds and model
 *   replicas. The workload API takes a workload's model from here, never
 *   from its env, which the workload's owner controls.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('workloads', table => {
    table.text('secret_env').notNullable().defaultTo('{}').comment('JSON object: name → ciphertext');
    table.string('model_id', 36).nullable();
    table.string('deployment_id', 36).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('workloads', table => {
    table.dropColumn('deployment_id');
    table.dropColumn('model_id');
    table.dropColumn('secret_env');
  });
};
