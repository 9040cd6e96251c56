import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { ListOptions, SortField } from '../database';
import { parseInput } from './validation';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

const baseListQuery = z.object({
  filter: z.string().max(200).optional(),
  sort: z.string().max(200).optional(),
  page_size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  page_token: z.string().max(200).optional(),
});

function parseSort(sort: string | undefined, allowed: string[]): SortField[] {
  if (!sort) {
    return [];
  }
  return sort.split(',').map(part => {
    const trimmed = part.trim();
    const direction = trimmed.startsWith('-') ? 'desc' : 'asc';
    const field = trimmed.replace(/^[-+ ]/, '');
    if (!allowed.includes(field)) {
      throw new InputError(
        `Invalid request query: sort: cannot sort by '${field}'; use one of ${allowed.join(
          ', ',
        )}`,
      );
    }
    return { field, direction };
  });
}

/** Page tokens are opaque to clients: an encoded offset. */
export function encodePageToken(
  offset: number | undefined,
): string | undefined {
  return offset === undefined
    ? undefined
    : Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodePageToken(token: string | undefined): number {
  if (!token) {
    return 0;
  }
  try {
    const { o } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Number.isInteger(o) && o >= 0) {
      return o;
    }
  } catch {
    // falls through to the error below
  }
  throw new InputError(
    'Invalid request query: page_token: not a token this API returned; start again without it',
  );
}

/**
 * Parses `filter`, `sort` (e.g. `-updated_at,+name`), `page_size` and
 * `page_token`, plus any extra query fields of `extra`.
 */
export function parseListQuery<E extends z.ZodRawShape>(
  query: unknown,
  sortFields: string[],
  extra?: E,
): ListOptions & z.output<z.ZodObject<E>> {
  const schema = baseListQuery.extend(extra ?? ({} as E)).strict();
  const parsed = parseInput(schema, query, 'query') as z.output<
    typeof baseListQuery
  > &
    z.output<z.ZodObject<E>>;
  const { filter, sort, page_size, page_token, ...rest } = parsed;
  return {
    ...(rest as z.output<z.ZodObject<E>>),
    filter: filter?.trim() || undefined,
    sort: parseSort(sort, sortFields),
    pageSize: page_size ?? DEFAULT_PAGE_SIZE,
    offset: decodePageToken(page_token),
  };
}

/** The JSON shape of a list response. */
export function toPage<T>(result: {
  items: T[];
  totalSize: number;
  nextOffset?: number;
}) {
  return {
    items: result.items,
    total_size: result.totalSize,
    next_page_token: encodePageToken(result.nextOffset),
  };
}
