// @ts-check

/**
 * The admin model (workspaces, runtimes, resource profiles, quotas) and
 * projects with their collaborators. Timestamps are ISO-8601 strings so that
 * they sort and compare the same way on SQLite and Postgres.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('workspaces', table => {
    table.string('name', 63).primary();
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('owner', 200).notNullable();
    table.string('driver', 32).notNullable();
    table
      .text('node_groups')
      .notNullable()
      .comment('JSON array of node groups');
    table.text('env').notNullable().comment('JSON object of site env vars');
    table.integer('default_quota_cpu_millis').notNullable();
    table.integer('default_quota_memory_mib').notNullable();
    table.integer('default_quota_gpu').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
  });

  await knex.schema.createTable('runtimes', table => {
    table.string('id', 36).primary();
    table.string('editor', 64).notNullable();
    table.string('kernel', 64).notNullable();
    table.string('edition', 64).notNullable();
    table.string('short_version', 64).notNullable();
    table.integer('maintenance_version').notNullable();
    table.text('description').notNullable();
    table.string('image', 500).nullable();
    table.string('command', 500).nullable();
    table.boolean('enabled').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.unique(
      ['editor', 'kernel', 'edition', 'short_version', 'maintenance_version'],
      { indexName: 'runtimes_tuple_idx' },
    );
  });

  await knex.schema.createTable('resource_profiles', table => {
    table.string('id', 36).primary();
    table
      .string('workspace', 63)
      .notNullable()
      .references('name')
      .inTable('workspaces')
      .onDelete('CASCADE');
    table.string('name', 63).notNullable();
    table.text('description').notNullable();
    table.integer('cpu_millis').notNullable();
    table.integer('memory_mib').notNullable();
    table.integer('gpu').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.unique(['workspace', 'name'], {
      indexName: 'resource_profiles_name_idx',
    });
  });

  await knex.schema.createTable('quotas', table => {
    table.string('id', 36).primary();
    table
      .string('workspace', 63)
      .notNullable()
      .references('name')
      .inTable('workspaces')
      .onDelete('CASCADE');
    table.string('subject', 200).notNullable();
    table.integer('cpu_millis').notNullable();
    table.integer('memory_mib').notNullable();
    table.integer('gpu').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.unique(['workspace', 'subject'], { indexName: 'quotas_subject_idx' });
  });

  await knex.schema.createTable('projects', table => {
    table.string('id', 36).primary();
    table
      .string('workspace', 63)
      .notNullable()
      .references('name')
      .inTable('workspaces')
      .onDelete('RESTRICT');
    table.string('name', 63).notNullable();
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('owner', 200).notNullable();
    table.string('visibility', 16).notNullable();
    table.text('env').notNullable().comment('JSON object of project env vars');
    table.string('template_ref', 300).nullable();
    table.string('created_by', 200).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.unique(['workspace', 'name'], { indexName: 'projects_name_idx' });
    table.index(['owner'], 'projects_owner_idx');
  });

  await knex.schema.createTable('project_collaborators', table => {
    table
      .string('project_id', 36)
      .notNullable()
      .references('id')
      .inTable('projects')
      .onDelete('CASCADE');
    table.string('subject', 200).notNullable();
    table.string('role', 16).notNullable();
    table.string('added_at', 32).notNullable();
    table.primary(['project_id', 'subject']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('project_collaborators');
  await knex.schema.dropTable('projects');
  await knex.schema.dropTable('quotas');
  await knex.schema.dropTable('resource_profiles');
  await knex.schema.dropTable('runtimes');
  await knex.schema.dropTable('workspaces');
};
