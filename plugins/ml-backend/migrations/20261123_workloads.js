// @ts-check

/**
 * The workload engine: every unit of work (session, job run, model replica,
 * application, build) is a row of `workloads` with its state-machine history
 * in `workload_events`. Reservations are implicit: a workload in `starting`
 * or `running` holds its request against its node and its charged subject's
 * quota, so they are taken and released by the same update that changes the
 * state.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('workspace_nodes', table => {
    table.string('id', 36).primary();
    table.string('workspace', 63).notNullable();
    table.string('node_group', 63).notNullable();
    table.string('created_at', 32).notNullable();
    table
      .string('ready_at', 32)
      .notNullable()
      .comment('usable from this time on');
    table.string('idle_since', 32).nullable();
    table.index(['workspace'], 'workspace_nodes_workspace_idx');
  });

  await knex.schema.createTable('jobs', table => {
    table.string('id', 36).primary();
    table.string('project_id', 36).notNullable();
    table.string('name', 100).notNullable();
    table.string('script', 1024).notNullable();
    table.text('args').notNullable().comment('JSON array');
    table.text('env').notNullable().comment('JSON object');
    table.string('runtime_id', 36).notNullable();
    table.string('profile', 63).notNullable();
    table.integer('timeout_seconds').nullable();
    table.integer('max_retries').notNullable();
    table.integer('retry_backoff_seconds').notNullable();
    table.string('schedule', 200).nullable().comment('cron expression');
    table.string('timezone', 64).notNullable();
    table.string('parent_job_id', 36).nullable();
    table.boolean('enabled').notNullable();
    table
      .string('last_tick_at', 32)
      .nullable()
      .comment('last cron time enqueued');
    table.string('created_by', 200).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.unique(['project_id', 'name'], { indexName: 'jobs_name_idx' });
    table.index(['parent_job_id'], 'jobs_parent_idx');
  });

  await knex.schema.createTable('workloads', table => {
    table.string('id', 36).primary();
    table.string('kind', 16).notNullable();
    table.string('name', 200).nullable();
    table.string('project_id', 36).notNullable();
    table.string('workspace', 63).notNullable();
    table.string('runtime_id', 36).notNullable();
    table.string('profile', 63).nullable();
    table.integer('cpu_millis').notNullable();
    table.integer('memory_mib').notNullable();
    table.integer('gpu').notNullable();
    table.string('charged_subject', 200).notNullable();
    table.string('requester', 200).notNullable();
    table.integer('priority').notNullable().defaultTo(0);
    table.string('state', 16).notNullable();
    table.text('reason').nullable();
    table.integer('attempt').notNullable();
    table.integer('max_attempts').notNullable();
    table.integer('retry_backoff_seconds').notNullable();
    table.text('args').notNullable().comment('JSON array');
    table.text('env').notNullable().comment('JSON object');
    table.text('ports').notNullable().comment('JSON array of port names');
    table.integer('timeout_seconds').nullable();
    table.integer('idle_timeout_seconds').nullable();
    table.string('node_id', 36).nullable();
    table.string('job_id', 36).nullable();
    table.string('trigger', 16).nullable();
    table
      .string('idempotency_key', 300)
      .nullable()
      .unique({ indexName: 'workloads_idempotency_idx' });
    table.integer('exit_code').nullable();
    table.string('queued_at', 32).notNullable();
    table
      .string('retry_at', 32)
      .nullable()
      .comment('not admitted before this time');
    table.string('started_at', 32).nullable();
    table.string('ended_at', 32).nullable();
    table.string('last_activity_at', 32).nullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.index(['workspace', 'state'], 'workloads_queue_idx');
    table.index(['project_id', 'kind'], 'workloads_project_idx');
    table.index(['job_id'], 'workloads_job_idx');
  });

  await knex.schema.createTable('workload_events', table => {
    table.bigIncrements('id').primary();
    table.string('workload_id', 36).notNullable();
    table.integer('attempt').notNullable();
    table.string('at', 32).notNullable();
    table.string('from_state', 16).nullable();
    table.string('to_state', 16).notNullable();
    table.text('reason').nullable();
    table.index(['workload_id'], 'workload_events_workload_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('workload_events');
  await knex.schema.dropTable('workloads');
  await knex.schema.dropTable('jobs');
  await knex.schema.dropTable('workspace_nodes');
};
