import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** @internal */
export const migrationsDir = resolvePackagePath(
  '@ml-platform/plugin-ml-backend',
  'migrations',
);

/**
 * Opens the plugin's database and brings its schema up to date unless the
 * operator manages migrations separately.
 *
 * @internal
 */
export async function openMlDatabase(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}
