import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const ADMIN_TABLES = ['workspaces', 'runtimes', 'resource_profiles', 'quotas', 'projects', 'project_collaborators'];
const ENGINE_TABLES = ['workspace_nodes', 'jobs', 'workloads', 'workload_events'];
const MODEL_TABLES = ['models', 'model_builds', 'model_deployments', 'model_replicas', 'model_access_keys'];

/** The tables each migration adds, for the migrations whose tables this test checks. */
const ADDED_BY: Record<string, string[]> = {
  '20261122_init.js': ADMIN_TABLES,
  '20261123_workloads.js': ENGINE_TABLES,
  '20261125_models.js': MODEL_TABLES,
  '20261127_applications.js': ['applications'],
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
  it.each(databases.eachSupportedId())('go up and down one step at a time on %s', async databaseId => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    expect(await existing(knex, KNOWN_TABLES)).toEqual(KNOWN_TABLES);
    expect(await knex.schema.hasColumn('workloads', 'work_dir')).toBe(true);
    for (const column of ['secret_env', 'model_id', 'deployment_id']) {
      expect(await knex.schema.hasColumn('workloads', column)).toBe(true);
    }

    // Newest first: each step removes what its migration added, and only that.
    const [done] = await knex.migrate.list({ directory: migrationsDir });
    const names: string[] = done.map((m: any) => m.name ?? m.file).reverse();
    let expected = [...KNOWN_TABLES];
    for (const name of names) {
      await knex.migrate.down({ directory: migrationsDir });
      expected = expected.filter(t => !(ADDED_BY[name] ?? []).includes(t));
      expect([name, await existing(knex, KNOWN_TABLES)]).toEqual([name, expected]);
      if (name === '20261202_secret_env.js') {
        expect(await knex.schema.hasColumn('workloads', 'secret_env')).toBe(false);
        expect(await knex.schema.hasColumn('workloads', 'model_id')).toBe(false);
        expect(await knex.schema.hasColumn('workloads', 'work_dir')).toBe(true);
      }
      if (name === '20261125_models.js') {
        expect(await knex.schema.hasColumn('workloads', 'work_dir')).toBe(false);
      }
    }
    expect(expected).toEqual([]);

    await knex.migrate.latest({ directory: migrationsDir });
    expect(await existing(knex, KNOWN_TABLES)).toEqual(KNOWN_TABLES);
    await knex.destroy();
  });
});
