// @ts-check

/**
 * The console transcript of each session, kept by the backend so that it is
 * there again when someone comes back to the session (CML's workbench keeps
 * it too). One row per cell that was run: its code, the output as
 * `[{stream, text}]` JSON (capped, see `truncated`), and how it ended.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('session_cells', table => {
    table.bigIncrements('id').primary();
    table
      .string('session_id', 36)
      .notNullable()
      .references('id')
      .inTable('workloads')
      .onDelete('CASCADE');
    table.text('code').notNullable();
    table.text('output').notNullable().defaultTo('[]');
    table.text('error').nullable().comment('JSON: {name, message, traceback}');
    table.text('failure').nullable();
    table.boolean('truncated').notNullable().defaultTo(false);
    table.string('started_at', 32).notNullable();
    table.string('ended_at', 32).nullable();
    table.index(['session_id', 'id'], 'session_cells_session_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('session_cells');
};
