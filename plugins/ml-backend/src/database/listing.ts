import { Knex } from 'knex';

/** @internal */
export interface SortField {
  field: string;
  direction: 'asc' | 'desc';
}

/**
 * What list endpoints accept once the router has validated it: sort fields
 * are already restricted to the columns the store allows.
 *
 * @internal
 */
/** The sort fields of the creation and last-change stamps of a table. */
export const STAMP_SORT_FIELDS = ['created_at', 'updated_at'];

export interface ListOptions {
  filter?: string;
  sort: SortField[];
  pageSize: number;
  offset: number;
}

/** @internal */
export interface ListResult<T> {
  items: T[];
  totalSize: number;
  nextOffset?: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, ch => `\\${ch}`);
}

/**
 * Applies a free-text filter, a sort and a page to a query. Sorting always
 * ends on `tiebreaker` so that pages never overlap or skip rows.
 *
 * @internal
 */
export async function listPage<Row, T>(
  query: Knex.QueryBuilder,
  options: ListOptions,
  config: {
    searchColumns: string[];
    tiebreaker: string;
    map: (row: Row) => T;
  },
): Promise<ListResult<T>> {
  let filtered = query;
  if (options.filter) {
    const pattern = `%${escapeLike(options.filter.toLowerCase())}%`;
    filtered = filtered.where(builder => {
      for (const column of config.searchColumns) {
        builder.orWhereRaw(`LOWER(??) LIKE ? ESCAPE '\\'`, [column, pattern]);
      }
    });
  }

  const [{ count }] = await filtered
    .clone()
    .clearSelect()
    .clearOrder()
    .count<{ count: number | string }[]>({ count: '*' });

  let paged = filtered.clone();
  for (const { field, direction } of options.sort) {
    paged = paged.orderBy(field, direction);
  }
  if (!options.sort.some(s => s.field === config.tiebreaker)) {
    paged = paged.orderBy(config.tiebreaker, 'asc');
  }
  const rows: Row[] = await paged
    .offset(options.offset)
    .limit(options.pageSize);

  const totalSize = Number(count);
  const end = options.offset + rows.length;
  return {
    items: rows.map(config.map),
    totalSize,
    nextOffset: end < totalSize ? end : undefined,
  };
}

/** @internal */
export function nowIso(): string {
  return new Date().toISOString();
}

/** @internal */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) {
    return fallback;
  }
  return JSON.parse(text) as T;
}
