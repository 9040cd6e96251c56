import { Knex } from 'knex';
import { FilterComparator } from './searchKinds';

/** The databases the plugin runs on. */
export type SqlDialect = 'pg' | 'sqlite';

/** A piece of SQL with its `?` bindings. */
export interface SqlFragment {
  sql: string;
  bindings: Array<string | number>;
}

/** @internal */
export function dialectOf(knex: Knex): SqlDialect {
  return knex.client.config.client === 'pg' ? 'pg' : 'sqlite';
}

/**
 * `column` sorted by code point on both databases: Postgres would use the
 * database's locale otherwise, and page through runs in another order
 * than SQLite does.
 */
export function byteOrdered(dialect: SqlDialect, column: string): string {
  return dialect === 'pg' ? `${column} COLLATE "C"` : column;
}

/**
 * `lhs <comparator> value` for a text expression, case-sensitive except
 * for ILIKE on both databases (SQLite folds ASCII letters only). LIKE patterns take `%` and `_`, and `\`
 * makes the character after it literal.
 *
 * @param lhs - SQL of our own making (a column or an expression of one).
 */
export function compareText(
  dialect: SqlDialect,
  lhs: string,
  comparator: FilterComparator,
  value: string | readonly string[],
): SqlFragment {
  if (comparator === 'IN' || comparator === 'NOT IN') {
    const list = value as readonly string[];
    const marks = list.map(() => '?').join(', ');
    return { sql: `${lhs} ${comparator} (${marks})`, bindings: [...list] };
  }
  const text = value as string;
  switch (comparator) {
    case '=':
      return { sql: `${lhs} = ?`, bindings: [text] };
    case '!=':
      return { sql: `${lhs} <> ?`, bindings: [text] };
    case 'LIKE':
      // SQLite's LIKE ignores case; its GLOB does not.
      return dialect === 'pg'
        ? { sql: `${lhs} LIKE ? ESCAPE '\\'`, bindings: [likePattern(text)] }
        : { sql: `${lhs} GLOB ?`, bindings: [likeToGlob(text)] };
    case 'ILIKE':
      return dialect === 'pg'
        ? { sql: `${lhs} ILIKE ? ESCAPE '\\'`, bindings: [likePattern(text)] }
        : { sql: `${lhs} LIKE ? ESCAPE '\\'`, bindings: [likePattern(text)] };
    default:
      throw new Error(`Text cannot be compared with ${comparator}`);
  }
}

/**
 * `lhs <comparator> value` for a number; NULL (a missing time, a NaN or
 * infinite metric) matches nothing. `integer` columns get the bound
 * rounded to the equivalent integer one, since Postgres refuses `1.5` for a
 * bigint parameter.
 */
export function compareNumber(
  lhs: string,
  comparator: FilterComparator,
  value: number,
  integer: boolean,
): SqlFragment {
  if (!integer)
    return { sql: `${lhs} ${sqlOperator(comparator)} ?`, bindings: [value] };
  const clamp = (n: number) =>
    Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, n));
  if (Number.isInteger(value) || comparator === '>' || comparator === '<=') {
    const bound = clamp(Math.floor(value));
    return { sql: `${lhs} ${sqlOperator(comparator)} ?`, bindings: [bound] };
  }
  if (comparator === '>=' || comparator === '<') {
    const bound = clamp(Math.ceil(value));
    return { sql: `${lhs} ${sqlOperator(comparator)} ?`, bindings: [bound] };
  }
  // An integer never equals a fraction, and differs from it when present.
  return comparator === '='
    ? { sql: '1 = 0', bindings: [] }
    : { sql: `${lhs} IS NOT NULL`, bindings: [] };
}

/**
 * Whether the searched row has a row in a key/value table (params, tags,
 * latest metrics) under `key`, the value meeting `value` when given.
 * `IS NULL` is `negated`: no such key at all.
 */
export function keyedRowExists(row: {
  table: string;
  alias: string;
  /** Ties the table's row to the searched one, e.g. `t.run_id = r.id`. */
  link: string;
  key: string;
  negated?: boolean;
  value?: SqlFragment;
}): SqlFragment {
  const conditions = [row.link, `${row.alias}.key = ?`];
  if (row.value) conditions.push(row.value.sql);
  return {
    sql: `${row.negated ? 'NOT EXISTS' : 'EXISTS'} (SELECT 1 FROM ${
      row.table
    } ${row.alias} WHERE ${conditions.join(' AND ')})`,
    bindings: [row.key, ...(row.value?.bindings ?? [])],
  };
}

function sqlOperator(comparator: FilterComparator): string {
  if (comparator === '!=') return '<>';
  if (['=', '>', '>=', '<', '<='].includes(comparator)) return comparator;
  throw new Error(`Numbers cannot be compared with ${comparator}`);
}

// Postgres refuses a pattern ending in a lone escape character; read it as
// a literal backslash, as SQLite would.
function likePattern(pattern: string): string {
  const trailing = /\\+$/.exec(pattern)?.[0].length ?? 0;
  return trailing % 2 === 1 ? `${pattern}\\` : pattern;
}

/** A LIKE pattern (with `\` escapes) as the equivalent GLOB pattern. */
function likeToGlob(pattern: string): string {
  let glob = '';
  let escaped = false;
  for (const char of pattern) {
    if (escaped) {
      glob += globLiteral(char);
      escaped = false;
    } else if (char === '\\') {
      escaped = true;
    } else if (char === '%') {
      glob += '*';
    } else if (char === '_') {
      glob += '?';
    } else {
      glob += globLiteral(char);
    }
  }
  return escaped ? `${glob}\\` : glob;
}

function globLiteral(char: string): string {
  return char === '*' || char === '?' || char === '[' ? `[${char}]` : char;
}
