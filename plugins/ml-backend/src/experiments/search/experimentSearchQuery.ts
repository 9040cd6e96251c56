import { Knex } from 'knex';
import { FilterComparison } from './filterGrammar';
import { OrderByTerm } from './orderBy';
import { decodePageToken, encodePageToken } from './pageToken';
import { SearchPage } from './runSearchQuery';
import {
  SqlDialect,
  SqlFragment,
  byteOrdered,
  compareNumber,
  compareText,
  dialectOf,
  keyedRowExists,
} from './sqlComparison';

/** MLflow's `view_type` of experiment searches. */
export type ExperimentViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';

/** @internal */
export interface ExperimentSearch {
  /** The projects whose experiments the caller may see; none finds nothing. */
  projectIds: readonly string[];
  filter: readonly FilterComparison[];
  orderBy: readonly OrderByTerm[];
  /** ACTIVE_ONLY when absent, as in MLflow. */
  viewType?: ExperimentViewType;
  /** The page size (see `resolveMaxResults`). */
  maxResults: number;
  pageToken?: string;
}

const STAGES: Record<ExperimentViewType, string[]> = {
  ACTIVE_ONLY: ['active'],
  DELETED_ONLY: ['deleted'],
  ALL: ['active', 'deleted'],
};

const EXPERIMENT_COLUMNS: Record<string, { column: string; text?: boolean }> = {
  experiment_id: { column: 'e.id' },
  name: { column: 'e.name', text: true },
  creation_time: { column: 'e.creation_time' },
  last_update_time: { column: 'e.last_update_time' },
};

// MLflow's order when a search names none.
const DEFAULT_ORDER: readonly OrderByTerm[] = [
  { entity: 'attribute', key: 'creation_time', ascending: false },
  { entity: 'attribute', key: 'experiment_id', ascending: true },
];

/**
 * The ids (as MLflow's strings) of one page of experiments matching a
 * search, in MLflow's order: the order_by terms or else newest first, then
 * experiment id descending unless sorted on it already. One SQL statement.
 *
 * @throws MlflowError INVALID_PARAMETER_VALUE for a bad page token.
 * @internal
 */
export async function searchExperimentIds(
  knex: Knex,
  search: ExperimentSearch,
): Promise<SearchPage> {
  const offset = decodePageToken(search.pageToken);
  if (search.projectIds.length === 0) return { ids: [] };
  const dialect = dialectOf(knex);
  const query = knex('ml_experiments as e')
    .select('e.id')
    .whereIn('e.project_id', [...search.projectIds])
    .whereIn('e.lifecycle_stage', STAGES[search.viewType ?? 'ACTIVE_ONLY']);
  search.filter.forEach((comparison, index) => {
    const condition = experimentCondition(dialect, comparison, `f${index}`);
    query.whereRaw(condition.sql, condition.bindings);
  });
  const orderBy = search.orderBy.length ? search.orderBy : DEFAULT_ORDER;
  for (const { key, ascending } of orderBy) {
    const { column, text } = EXPERIMENT_COLUMNS[key];
    const sorted = text ? byteOrdered(dialect, column) : column;
    query.orderByRaw(`${sorted} ${ascending ? 'ASC' : 'DESC'}`);
  }
  if (!orderBy.some(term => term.key === 'experiment_id')) {
    query.orderBy('e.id', 'desc');
  }
  const rows: Array<{ id: number }> = await query
    .limit(search.maxResults + 1)
    .offset(offset);
  const more = rows.length > search.maxResults;
  return {
    ids: rows.slice(0, search.maxResults).map(row => String(row.id)),
    nextPageToken: more
      ? encodePageToken(offset + search.maxResults)
      : undefined,
  };
}

function experimentCondition(
  dialect: SqlDialect,
  { entity, key, comparator, value }: FilterComparison,
  alias: string,
): SqlFragment {
  if (entity === 'attribute') {
    const { column } = EXPERIMENT_COLUMNS[key];
    return typeof value === 'number'
      ? compareNumber(column, comparator, value, true)
      : compareText(dialect, column, comparator, value as string);
  }
  const row = {
    table: 'ml_experiment_tags',
    alias,
    link: `${alias}.experiment_id = e.id`,
    key,
  };
  if (comparator === 'IS NULL')
    return keyedRowExists({ ...row, negated: true });
  if (comparator === 'IS NOT NULL') return keyedRowExists(row);
  return keyedRowExists({
    ...row,
    value: compareText(dialect, `${alias}.value`, comparator, value as string),
  });
}
