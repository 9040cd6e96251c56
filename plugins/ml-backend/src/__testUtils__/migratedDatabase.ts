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
