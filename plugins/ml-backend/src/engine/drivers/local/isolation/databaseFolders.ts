import { Config } from '@backstage/config';
import fs from 'node:fs/promises';
import path from 'node:path';

interface SqliteConnection {
  client?: string;
  connection?: unknown;
}

function sqliteFolder(entry: SqliteConnection, baseClient?: string) {
  const client = entry.client ?? baseClient;
  if (!client?.includes('sqlite3')) return undefined;
  const connection = entry.connection;
  if (typeof connection !== 'object' || connection === null) return undefined;
  const directory = (connection as { directory?: unknown }).directory;
  // Only a folder someone chose; the default '.' is the working directory.
  return typeof directory === 'string' && directory ? directory : undefined;
}

/**
 * The SQLite folders of the backend (`backend.database.connection.directory`
 * and any plugin's own), resolved like Backstage's database manager does:
 * relative to the working directory.
 */
export function sqliteFolders(config: Config): string[] {
  const database = config.getOptionalConfig('backend.database');
  if (!database) return [];
  const base = database.get<SqliteConnection>();
  const folders = [sqliteFolder(base)];
  const plugins = database.getOptionalConfig('plugin');
  for (const pluginId of plugins?.keys() ?? []) {
    const entry = plugins!.getConfig(pluginId).get<SqliteConnection>();
    folders.push(sqliteFolder(entry, entry.client ? undefined : base.client));
  }
  return [
    ...new Set(
      folders.filter((f): f is string => !!f).map(f => path.resolve(f)),
    ),
  ];
}

/**
 * Makes each SQLite folder 0700 (creating it if need be), so workloads
 * under other uids cannot read the databases (auth keys among them) even
 * where the folder sits outside the storage root. Returns the folders.
 */
export async function closeSqliteFolders(config: Config): Promise<string[]> {
  const folders = sqliteFolders(config);
  for (const folder of folders) {
    await fs.mkdir(folder, { recursive: true, mode: 0o700 });
    await fs.chmod(folder, 0o700);
  }
  return folders;
}
