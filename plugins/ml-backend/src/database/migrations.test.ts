import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const ADMIN_TABLES = ['workspaces', 'runtimes', 'resource_profiles', 'quotas', 'projects', 'project_collaborators'];
const ENGINE_TABLES = ['workspace_nodes', 'jobs', 'workloads', 'workload_events'];

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
    expect(await existing(knex, [...ADMIN_TABLES, ...ENGINE_TABLES])).toEqual([...ADMIN_TABLES, ...ENGINE_TABLES]);

    // The admission index goes first; the tables stay.
    await knex.migrate.down({ directory: migrationsDir });
    expect(await existing(knex, ENGINE_TABLES)).toEqual(ENGINE_TABLES);

    await knex.migrate.down({ directory: migrationsDir });
    expect(await existing(knex, ENGINE_TABLES)).toEqual([]);
    expect(await existing(knex, ADMIN_TABLES)).toEqual(ADMIN_TABLES);

    await knex.migrate.down({ directory: migrationsDir });
    expect(await existing(knex, ADMIN_TABLES)).toEqual([]);

    await knex.migrate.latest({ directory: migrationsDir });
    expect(await existing(knex, [...ADMIN_TABLES, ...ENGINE_TABLES])).toHaveLength(10);
    await knex.destroy();
  });
});
