import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migrationsDir } from '../database/migrations';

/** A fresh database of the given engine with the plugin's migrations run. */
export async function migratedDatabase(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): Promise<Knex> {
  const knex = await databases.init(databaseId);
  await knex.migrate.latest({ directory: migrationsDir });
  return knex;
}

/**
 * Gives the tests of the calling `describe` one {@link migratedDatabase},
 * handed to `use` in a `beforeAll` (which may set up rows), and closes it
 * after them all.
 */
export function migratedDatabaseForAll(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  use: (knex: Knex) => void | Promise<void>,
): void {
  let knex: Knex | undefined;
  beforeAll(async () => {
    knex = await migratedDatabase(databases, databaseId);
    await use(knex);
  });
  afterAll(() => knex?.destroy());
}
