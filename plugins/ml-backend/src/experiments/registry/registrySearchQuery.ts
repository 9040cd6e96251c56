import { Knex } from 'knex';
import {
  FilterComparison,
  OrderByTerm,
  decodePageToken,
  encodePageToken,
} from '../search';
import {
  SqlDialect,
  SqlFragment,
  byteOrdered,
  compareNumber,
  compareText,
  dialectOf,
  keyedRowExists,
} from '../search/sqlComparison';
import { VersionKey } from './ModelVersionStore';

/** A registry search, parsed: MLflow's filter, order and page. */
export interface RegistrySearch {
  /** The projects whose models the caller may see; none finds nothing. */
  projectIds: readonly string[];
  filter: readonly FilterComparison[];
  orderBy: readonly OrderByTerm[];
  /** The page size (see `resolveMaxResults`). */
  maxResults: number;
  pageToken?: string;
}

interface Column {
  column: string;
  text?: boolean;
}

const MODEL_COLUMNS: Record<string, Column> = {
  name: { column: 'm.name', text: true },
  creation_timestamp: { column: 'm.creation_timestamp' },
  last_updated_timestamp: { column: 'm.last_updated_timestamp' },
};

const VERSION_COLUMNS: Record<string, Column> = {
  name: { column: 'm.name', text: true },
  run_id: { column: 'v.run_id', text: true },
  source_path: { column: 'v.source', text: true },
  version_number: { column: 'v.version' },
  creation_timestamp: { column: 'v.creation_timestamp' },
  last_updated_timestamp: { column: 'v.last_updated_timestamp' },
};

// MLflow's order of versions when a search names none; its tiebreaks
// (name, then newest version) follow any order asked for.
const DEFAULT_VERSION_ORDER: readonly OrderByTerm[] = [
  { entity: 'attribute', key: 'last_updated_timestamp', ascending: false },
];
const VERSION_TIEBREAKS: readonly OrderByTerm[] = [
  { entity: 'attribute', key: 'name', ascending: true },
  { entity: 'attribute', key: 'version_number', ascending: false },
];

/**
 * The ids of one page of registered models matching a search, in the
 * order asked for and then by name (MLflow's tiebreak and default).
 *
 * @throws MlflowError INVALID_PARAMETER_VALUE for a bad page token.
 */
export async function searchRegisteredModelIds(
  knex: Knex,
  search: RegistrySearch,
): Promise<{ ids: number[]; nextPageToken?: string }> {
  const offset = decodePageToken(search.pageToken);
  if (search.projectIds.length === 0) return { ids: [] };
  const dialect = dialectOf(knex);
  const query = knex('ml_registered_models as m')
    .select('m.id')
    .whereIn('m.project_id', [...search.projectIds]);
  search.filter.forEach((comparison, index) => {
    const condition = registryCondition(dialect, comparison, `f${index}`, {
      columns: MODEL_COLUMNS,
      tags: 'ml_registered_model_tags',
      link: alias => `${alias}.model_id = m.id`,
    });
    query.whereRaw(condition.sql, condition.bindings);
  });
  const tiebreak: OrderByTerm = {
    entity: 'attribute',
    key: 'name',
    ascending: true,
  };
  orderRows(dialect, query, MODEL_COLUMNS, [
    ...search.orderBy,
    ...(search.orderBy.some(t => t.key === 'name') ? [] : [tiebreak]),
  ]);
  const rows: Array<{ id: number }> = await query
    .limit(search.maxResults + 1)
    .offset(offset);
  return page(
    rows.map(row => Number(row.id)),
    search.maxResults,
    offset,
  );
}

/**
 * The keys of one page of model versions matching a search: in the order
 * asked for (else last updated first), then by name, then newest version.
 *
 * @throws MlflowError INVALID_PARAMETER_VALUE for a bad page token.
 */
export async function searchModelVersionKeys(
  knex: Knex,
  search: RegistrySearch,
): Promise<{ ids: VersionKey[]; nextPageToken?: string }> {
  const offset = decodePageToken(search.pageToken);
  if (search.projectIds.length === 0) return { ids: [] };
  const dialect = dialectOf(knex);
  const query = knex('ml_model_versions as v')
    .join('ml_registered_models as m', 'm.id', 'v.model_id')
    .select('v.model_id', 'v.version')
    .whereIn('m.project_id', [...search.projectIds]);
  search.filter.forEach((comparison, index) => {
    const condition = registryCondition(dialect, comparison, `f${index}`, {
      columns: VERSION_COLUMNS,
      tags: 'ml_model_version_tags',
      link: alias =>
        `${alias}.model_id = v.model_id AND ${alias}.version = v.version`,
    });
    query.whereRaw(condition.sql, condition.bindings);
  });
  const asked = search.orderBy.length ? search.orderBy : DEFAULT_VERSION_ORDER;
  orderRows(dialect, query, VERSION_COLUMNS, [
    ...asked,
    ...VERSION_TIEBREAKS.filter(t => !asked.some(a => a.key === t.key)),
  ]);
  const rows: Array<{ model_id: number; version: number }> = await query
    .limit(search.maxResults + 1)
    .offset(offset);
  const keys = rows.map(row => ({
    modelId: Number(row.model_id),
    version: Number(row.version),
  }));
  return page(keys, search.maxResults, offset);
}

function orderRows(
  dialect: SqlDialect,
  query: Knex.QueryBuilder,
  columns: Record<string, Column>,
  orderBy: readonly OrderByTerm[],
) {
  for (const { key, ascending } of orderBy) {
    const { column, text } = columns[key];
    const sorted = text ? byteOrdered(dialect, column) : column;
    query.orderByRaw(`${sorted} ${ascending ? 'ASC' : 'DESC'}`);
  }
}

function page<T>(rows: T[], maxResults: number, offset: number) {
  const more = rows.length > maxResults;
  return {
    ids: rows.slice(0, maxResults),
    nextPageToken: more ? encodePageToken(offset + maxResults) : undefined,
  };
}

function registryCondition(
  dialect: SqlDialect,
  { entity, key, comparator, value }: FilterComparison,
  alias: string,
  searched: {
    columns: Record<string, Column>;
    tags: string;
    link: (alias: string) => string;
  },
): SqlFragment {
  if (entity === 'attribute') {
    const { column } = searched.columns[key];
    if (typeof value === 'number') {
      return compareNumber(column, comparator, value, true);
    }
    return compareText(dialect, column, comparator, value as string);
  }
  return keyedRowExists({
    table: searched.tags,
    alias,
    link: searched.link(alias),
    key,
    value: compareText(dialect, `${alias}.value`, comparator, value as string),
  });
}
