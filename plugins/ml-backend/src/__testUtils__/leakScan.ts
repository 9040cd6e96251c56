import { Knex } from 'knex';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where a secret could end up by mistake, as text to search: every row of
 * every table of the plugin's database, and every file under a folder.
 */

async function tableNames(knex: Knex): Promise<string[]> {
  if (String(knex.client.config.client).includes('sqlite')) {
    const rows = await knex('sqlite_master')
      .where({ type: 'table' })
      .select('name');
    return rows.map(r => r.name);
  }
  const rows = await knex('pg_tables')
    .where('schemaname', knex.raw('current_schema()'))
    .select('tablename');
  return rows.map(r => r.tablename);
}

/** Every row of every table, as JSON; also the names of the tables read. */
export async function databaseText(
  knex: Knex,
): Promise<{ tables: string[]; text: string }> {
  const tables = await tableNames(knex);
  const dump: Record<string, unknown> = {};
  for (const table of tables) dump[table] = await knex(table).select('*');
  return { tables, text: JSON.stringify(dump) };
}

/** Every file under `root` (paths and contents), as text. */
export async function filesText(
  root: string,
): Promise<{ files: string[]; text: string }> {
  const files: string[] = [];
  const parts: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await fs
      .readdir(dir, { withFileTypes: true })
      .catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
      } else if (entry.isFile()) {
        files.push(path.relative(root, full));
        parts.push(full, await fs.readFile(full, 'latin1').catch(() => ''));
      }
    }
  };
  await walk(root);
  return { files, text: parts.join('\n') };
}
