import { Knex } from 'knex';

/** A column written from one position of each row tuple. */
export interface JsonColumn {
  name: string;
  /** How Postgres casts the JSON text (SQLite takes JSON values as they are). */
  pgType: 'text' | 'integer' | 'bigint' | 'double precision' | 'boolean';
}

/**
 * Inserts many rows with one statement and one bound parameter: the rows go
 * as a JSON array of tuples, which the database unpacks itself
 * (`json_each` on SQLite, `json_array_elements` on Postgres). Building the
 * SQL of a multi-row INSERT with a placeholder per value costs the backend
 * far more than the database's own work at these sizes.
 *
 * `conflict` is the statement's tail, e.g. `ON CONFLICT ("uuid") DO NOTHING`.
 */
export async function insertJsonRows(
  db: Knex | Knex.Transaction,
  table: string,
  columns: JsonColumn[],
  rows: unknown[][],
  conflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(c => `"${c.name}"`).join(', ');
  const pg = db.client.config.client === 'pg';
  const values = pg
    ? columns.map((c, i) => `(x->>${i})::${c.pgType}`).join(', ')
    : columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ');
  const source = pg
    ? 'json_array_elements(?::json) AS x'
    : // `WHERE true`: without it SQLite reads ON CONFLICT as a join constraint.
      'json_each(?) WHERE true';
  await db.raw(
    `INSERT INTO "${table}" (${names}) SELECT ${values} FROM ${source} ${conflict}`,
    [JSON.stringify(rows)],
  );
}
