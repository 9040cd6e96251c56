// @ts-check

/**
 * Project access: the role members of an owning group get on a group-owned
 * project (CML's teams; contributor unless the project says otherwise), and
 * an index for the collaborator lookups every access check makes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('projects', table => {
    table.string('team_role', 16).notNullable().defaultTo('contributor');
  });
  await knex.schema.alterTable('project_collaborators', table => {
    table.index(['subject'], 'project_collaborators_subject_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('project_collaborators', table => {
    table.dropIndex(['subject'], 'project_collaborators_subject_idx');
  });
  await knex.schema.alterTable('projects', table => {
    table.dropColumn('team_role');
  });
};
