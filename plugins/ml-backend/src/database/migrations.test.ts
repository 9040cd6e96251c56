import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';
import {
  ADMIN_TABLES,
  ENGINE_TABLES,
  MODEL_TABLES,
} from '../__testUtils__/tables';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);
const databases = createTestDatabases();

/** The tables each migration adds, for the migrations whose tables this test checks. */
const ADDED_BY: Record<string, string[]> = {
  '20261122_init.js': ADMIN_TABLES,
  '20261123_workloads.js': ENGINE_TABLES,
  '20261125_models.js': MODEL_TABLES,
  '20261127_applications.js': ['applications'],
  '20261203_session_cells.js': ['session_cells'],
};
const KNOWN_TABLES = Object.values(ADDED_BY).flat();

async function existing(knex: any, tables: string[]) {
  const found: string[] = [];
  for (const table of tables) {
    if (await knex.schema.hasTable(table)) found.push(table);
  }
  return found;
}

describe('migrations', () => {
  it.each(databases.eachSupportedId())(
    'go up and down one step at a time on %s',
    async databaseId => {
      const knex = await migratedDatabase(databases, databaseId);
      expect(await existing(knex, KNOWN_TABLES)).toEqual(KNOWN_TABLES);
      expect(await knex.schema.hasColumn('workloads', 'work_dir')).toBe(true);
      for (const column of ['secret_env', 'model_id', 'deployment_id']) {
        expect(await knex.schema.hasColumn('workloads', column)).toBe(true);
      }

      // Newest first: each step removes what its migration added, and only that.
      const [done] = await knex.migrate.list({ directory: migrationsDir });
      const names: string[] = done.map((m: any) => m.name ?? m.file).reverse();
      let expected = [...KNOWN_TABLES];
      const columnsAfter: Record<string, Record<string, boolean>> = {};
      for (const name of names) {
        await knex.migrate.down({ directory: migrationsDir });
        expected = expected.filter(t => !(ADDED_BY[name] ?? []).includes(t));
        expect([name, await existing(knex, KNOWN_TABLES)]).toEqual([
          name,
          expected,
        ]);
        columnsAfter[name] = {
          secret_env: await knex.schema.hasColumn('workloads', 'secret_env'),
          model_id: await knex.schema.hasColumn('workloads', 'model_id'),
          work_dir: await knex.schema.hasColumn('workloads', 'work_dir'),
        };
      }
      expect(expected).toEqual([]);
      // Undoing the secret env migration removes its columns, and only those.
      expect(columnsAfter['20261202_secret_env.js']).toEqual({
        secret_env: false,
        model_id: false,
        work_dir: true,
      });
      expect(columnsAfter['20261125_models.js'].work_dir).toBe(false);

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await existing(knex, KNOWN_TABLES)).toEqual(KNOWN_TABLES);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the model of active builds and replicas when it adds model_id (%s), and of nothing else',
    async databaseId => {
      const knex = await migratedDatabase(databases, databaseId);
      await knex.migrate.down({
        directory: migrationsDir,
        name: '20261202_secret_env.js',
      });
      const row = (id: string, kind: string, state: string, env: object) => ({
        id,
        kind,
        project_id: 'p',
        workspace: 'ws',
        runtime_id: 'r',
        cpu_millis: 1,
        memory_mib: 1,
        gpu: 0,
        charged_subject: 'user:default/a',
        requester: 'user:default/a',
        state,
        attempt: 1,
        max_attempts: 1,
        retry_backoff_seconds: 0,
        args: '[]',
        env: JSON.stringify(env),
        ports: '[]',
        queued_at: 'x',
        created_at: 'x',
        updated_at: 'x',
      });
      await knex('workloads').insert([
        row('replica', 'model', 'running', {
          ML_MODEL_ID: 'm1',
          ML_DEPLOYMENT_ID: 'd1',
        }),
        row('build', 'build', 'queued', { ML_MODEL_ID: 'm1' }),
        row('spoof', 'job', 'running', {
          ML_MODEL_ID: 'm1',
          ML_DEPLOYMENT_ID: 'd1',
        }),
        row('ended', 'model', 'succeeded', {
          ML_MODEL_ID: 'm1',
          ML_DEPLOYMENT_ID: 'd1',
        }),
      ]);
      await knex.migrate.latest({ directory: migrationsDir });
      const rows = await knex('workloads')
        .orderBy('id')
        .select('id', 'model_id', 'deployment_id', 'secret_env');
      expect(rows).toEqual([
        { id: 'build', model_id: 'm1', deployment_id: null, secret_env: '{}' },
        { id: 'ended', model_id: null, deployment_id: null, secret_env: '{}' },
        {
          id: 'replica',
          model_id: 'm1',
          deployment_id: 'd1',
          secret_env: '{}',
        },
        { id: 'spoof', model_id: null, deployment_id: null, secret_env: '{}' },
      ]);
      await knex.destroy();
    },
  );
});
