import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe('migrations', () => {
  it.each(databases.eachSupportedId())('go up and down cleanly on %s', async databaseId => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    for (const table of ['workspaces', 'runtimes', 'resource_profiles', 'quotas', 'projects', 'project_collaborators']) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    await knex.migrate.down({ directory: migrationsDir });
    expect(await knex.schema.hasTable('workspaces')).toBe(false);
    expect(await knex.schema.hasTable('project_collaborators')).toBe(false);
    await knex.migrate.latest({ directory: migrationsDir });
    expect(await knex.schema.hasTable('projects')).toBe(true);
    await knex.destroy();
  });
});
