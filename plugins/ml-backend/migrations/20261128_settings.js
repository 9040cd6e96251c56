// @ts-check

/**
 * Values the backend generates once and every replica must share, such as
 * the key that signs workload tokens.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('settings', table => {
    table.string('key', 100).primary();
    table.text('value').notNullable();
    table.string('created_at', 32).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('settings');
};
