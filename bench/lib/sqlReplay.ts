/**
 * The SQL an operation sends, captured once and then run again straight on
 * the driver (better-sqlite3's prepared statements, pg's `query`): a
 * baseline of the database's own work, without the backend around it.
 */
import { Knex } from 'knex';

export interface CapturedQuery {
  /** The statement as the driver receives it (`$1` on Postgres, `?` on SQLite). */
  sql: string;
  bindings: unknown[];
}

/** Runs `operation` and returns the statements knex sent meanwhile, in order. */
export async function captureQueries(
  knex: Knex,
  operation: () => Promise<unknown>,
): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) =>
    captured.push({ sql: q.sql, bindings: [...(q.bindings ?? [])] });
  knex.on('query', listener);
  try {
    await operation();
  } finally {
    knex.removeListener('query', listener);
  }
  return captured;
}

/** A short name for a statement in a breakdown: its verb and first table. */
export function describeQuery(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  const verb = flat.split(' ')[0].toLowerCase();
  const table = /\b(?:from|into|update)\s+[`"]?(\w+)/i.exec(flat)?.[1] ?? '?';
  const limit = /\blimit\s+(\S+)/i.exec(flat)?.[1];
  const offset = /\boffset\s+(\S+)/i.exec(flat)?.[1];
  return `${verb} ${table}${limit ? ` limit ${limit}` : ''}${
    offset ? ` offset ${offset}` : ''
  }`;
}

/**
 * Runs captured statements on one connection of the pool, one after the
 * other, reading every row as the driver returns it. `run` resolves with the
 * milliseconds each statement took.
 */
export async function directRunner(knex: Knex): Promise<{
  run(queries: CapturedQuery[]): Promise<number[]>;
  release(): Promise<void>;
}> {
  const client = knex.client as any;
  const connection = await client.acquireConnection();
  const pg = client.config.client === 'pg';
  const one = async (q: CapturedQuery) => {
    if (pg) {
      await connection.query({ text: q.sql, values: q.bindings });
      return;
    }
    // Prepared each time, as knex's better-sqlite3 dialect does.
    const statement = connection.prepare(q.sql);
    if (statement.reader) statement.all(q.bindings);
    else statement.run(q.bindings);
  };
  return {
    async run(queries) {
      const durations: number[] = [];
      for (const q of queries) {
        const t = performance.now();
        await one(q);
        durations.push(performance.now() - t);
      }
      return durations;
    },
    release: () => client.releaseConnection(connection),
  };
}

/**
 * The database's plan of a captured statement: `EXPLAIN ANALYZE` (with
 * timings and buffers) on Postgres, `EXPLAIN QUERY PLAN` on SQLite.
 */
export async function explain(knex: Knex, q: CapturedQuery): Promise<string[]> {
  const client = knex.client as any;
  const connection = await client.acquireConnection();
  try {
    if (client.config.client === 'pg') {
      const result = await connection.query({
        text: `EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`,
        values: q.bindings,
      });
      return result.rows.map((r: any) => r['QUERY PLAN']);
    }
    const rows = connection
      .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
      .all(q.bindings);
    return rows.map((r: any) => r.detail);
  } finally {
    await client.releaseConnection(connection);
  }
}
