// @ts-check

/**
 * When a model deployment first had all its replicas ready. A deployment that
 * never got there fails when a replica fails; one that served before keeps
 * serving with the replicas it has.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('model_deployments', table => {
    table.string('deployed_at', 32).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('model_deployments', table => {
    table.dropColumn('deployed_at');
  });
};
