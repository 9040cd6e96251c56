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
    table
      .text('secret_env')
      .notNullable()
      .defaultTo('{}')
      .comment('JSON object: name → ciphertext');
    table.string('model_id', 36).nullable();
    table.string('deployment_id', 36).nullable();
  });
  // Builds and replicas that are still active keep their model: for these
  // kinds the platform wrote ML_MODEL_ID (and ML_DEPLOYMENT_ID) into env
  // after the user's layers, so env is what the platform set.
  const active = await knex('workloads')
    .whereIn('kind', ['build', 'model'])
    .whereIn('state', ['queued', 'starting', 'running'])
    .select('id', 'kind', 'env');
  for (const row of active) {
    /** @type {Record<string, unknown>} */
    let env;
    try {
      env = JSON.parse(row.env);
    } catch {
      continue;
    }
    await knex('workloads')
      .where({ id: row.id })
      .update({
        model_id: typeof env.ML_MODEL_ID === 'string' ? env.ML_MODEL_ID : null,
        deployment_id:
          row.kind === 'model' && typeof env.ML_DEPLOYMENT_ID === 'string'
            ? env.ML_DEPLOYMENT_ID
            : null,
      });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('workloads', table => {
    table.dropColumn('deployment_id');
    table.dropColumn('model_id');
    table.dropColumn('secret_env');
  });
};
