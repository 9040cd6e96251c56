// @ts-check

/**
 * Admission reads a workspace's queue in priority + FIFO order on every
 * pass; this index serves that read without a sort.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('workloads', table => {
    table.index(
      ['workspace', 'state', 'priority', 'queued_at', 'id'],
      'workloads_admission_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('workloads', table => {
    table.dropIndex(
      ['workspace', 'state', 'priority', 'queued_at', 'id'],
      'workloads_admission_idx',
    );
  });
};
