// @ts-check

/**
 * Applications: long-running web apps of a project, served by the portal's
 * reverse proxy at /api/ml/apps/:slug/. The slug is unique across the
 * portal because it names the app's path; the app's process is a workload
 * (the current or last one is `workload_id`).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('applications', table => {
    table.string('id', 36).primary();
    table.string('project_id', 36).notNullable();
    table.string('name', 100).notNullable();
    table.string('slug', 63).notNullable();
    table.text('description').notNullable();
    table.string('script', 1024).notNullable();
    table.string('runtime_id', 36).notNullable();
    table.string('profile', 63).notNullable();
    table.text('env').notNullable().comment('JSON object');
    table.boolean('bypass_authentication').notNullable();
    table.string('workload_id', 36).nullable();
    table.string('created_by', 200).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.unique(['slug'], { indexName: 'applications_slug_idx' });
    table.index(['project_id'], 'applications_project_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('applications');
};
