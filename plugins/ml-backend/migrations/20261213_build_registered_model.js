// @ts-check

/**
 * Builds made from a model registry version remember it (JSON
 * `{name, version, runId?, experimentId?}`): the lineage runs from the
 * experiment run through the version to the build.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('model_builds', table => {
    table.text('registered_model').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('model_builds', table => {
    table.dropColumn('registered_model');
  });
};
