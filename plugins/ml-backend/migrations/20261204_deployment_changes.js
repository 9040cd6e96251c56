// @ts-check

/**
 * Pages learn of deployment state changes through signals: the backend reads
 * the deployments changed since its last look, every second, by
 * `updated_at`.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('model_deployments', table => {
    table.index(['updated_at'], 'model_deployments_updated_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('model_deployments', table => {
    table.dropIndex(['updated_at'], 'model_deployments_updated_idx');
  });
};
