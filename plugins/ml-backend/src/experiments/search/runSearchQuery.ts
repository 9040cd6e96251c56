import { Knex } from 'knex';
import { FilterComparison } from './filterGrammar';
import { OrderByTerm } from './orderBy';
import { decodePageToken, encodePageToken } from './pageToken';
import {
  SqlDialect,
  SqlFragment,
  byteOrdered,
  compareNumber,
  compareText,
  dialectOf,
  keyedRowExists,
} from './sqlComparison';

/** MLflow's `run_view_type`, which picks runs by lifecycle stage. */
export type RunViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';

/** @internal */
export interface RunSearch {
  /** The experiments to search; none finds nothing. */
  experimentIds: readonly number[];
  filter: readonly FilterComparison[];
  orderBy: readonly OrderByTerm[];
  /** ACTIVE_ONLY when absent, as in MLflow. */
  runViewType?: RunViewType;
  /** The page size (see `resolveMaxResults`). */
  maxResults: number;
  pageToken?: string;
}

/** @internal */
export interface SearchPage {
  ids: string[];
  /** Present only when rows follow this page. */
  nextPageToken?: string;
}

const STAGES: Record<RunViewType, string[]> = {
  ACTIVE_ONLY: ['active'],
  DELETED_ONLY: ['deleted'],
  ALL: ['active', 'deleted'],
};

/** Run attributes and their columns (`run_name` is our `name`). */
const RUN_COLUMNS: Record<string, { column: string; integer?: boolean }> = {
  run_id: { column: 'r.id' },
  run_name: { column: 'r.name' },
  status: { column: 'r.status' },
  user_id: { column: 'r.user_id' },
  artifact_uri: { column: 'r.artifact_uri' },
  start_time: { column: 'r.start_time', integer: true },
  end_time: { column: 'r.end_time', integer: true },
};

const KEYED_TABLES = {
  metric: 'ml_run_latest_metrics',
  param: 'ml_run_params',
  tag: 'ml_run_tags',
} as const;

const DATASET_CONTEXT_TAG = 'mlflow.data.context';

// MLflow stores infinities as the largest doubles, so they sort as such.
// (Any special value but NaN is an infinity, its sign in front.)
const LARGEST_DOUBLE = '1.7976931348623157e308';

/**
 * The ids of one page of runs matching a search, in MLflow's order: the
 * order_by terms, then `start_time DESC` (unless sorted on it), then run id.
 * Runs lacking a sorted-on field come last either way; a NaN metric sorts
 * after every number and before a missing one. One SQL statement reads the
 * page and one row more, which tells whether another page follows.
 *
 * @throws MlflowError INVALID_PARAMETER_VALUE for a bad page token.
 * @internal
 */
export async function searchRunIds(
  knex: Knex,
  search: RunSearch,
): Promise<SearchPage> {
  const offset = decodePageToken(search.pageToken);
  if (search.experimentIds.length === 0) return { ids: [] };
  const dialect = dialectOf(knex);
  const query = knex('ml_runs as r')
    .select('r.id')
    .whereIn('r.experiment_id', [...search.experimentIds])
    .whereIn('r.lifecycle_stage', STAGES[search.runViewType ?? 'ACTIVE_ONLY']);
  search.filter.forEach((comparison, index) => {
    const condition = runCondition(dialect, comparison, `f${index}`);
    query.whereRaw(condition.sql, condition.bindings);
  });
  addRunOrder(dialect, query, search.orderBy);
  const rows: Array<{ id: string }> = await query
    .limit(search.maxResults + 1)
    .offset(offset);
  const more = rows.length > search.maxResults;
  return {
    ids: rows.slice(0, search.maxResults).map(row => row.id),
    nextPageToken: more
      ? encodePageToken(offset + search.maxResults)
      : undefined,
  };
}

/** The WHERE condition of one comparison; `alias` names its subquery. */
function runCondition(
  dialect: SqlDialect,
  comparison: FilterComparison,
  alias: string,
): SqlFragment {
  const { entity, key, comparator, value } = comparison;
  if (entity === 'attribute') {
    const { column, integer } = RUN_COLUMNS[key];
    return typeof value === 'number'
      ? compareNumber(column, comparator, value, !!integer)
      : compareText(dialect, column, comparator, value as string | string[]);
  }
  if (entity === 'dataset') return datasetCondition(dialect, comparison, alias);
  const row = {
    table: KEYED_TABLES[entity],
    alias,
    link: `${alias}.run_id = r.id`,
    key,
  };
  if (comparator === 'IS NULL')
    return keyedRowExists({ ...row, negated: true });
  if (comparator === 'IS NOT NULL') return keyedRowExists(row);
  const column = `${alias}.value`;
  return keyedRowExists({
    ...row,
    value:
      typeof value === 'number'
        ? compareNumber(column, comparator, value, false)
        : compareText(dialect, column, comparator, value as string),
  });
}

/**
 * A run matches a dataset comparison when one of its inputs does. The
 * context is the `mlflow.data.context` tag in the input's JSON tags.
 */
function datasetCondition(
  dialect: SqlDialect,
  { key, comparator, value }: FilterComparison,
  alias: string,
): SqlFragment {
  const text = value as string | string[];
  if (key !== 'context') {
    const match = compareText(dialect, `${alias}.${key}`, comparator, text);
    return {
      sql: `EXISTS (SELECT 1 FROM ml_run_inputs ${alias} WHERE ${alias}.run_id = r.id AND ${match.sql})`,
      bindings: match.bindings,
    };
  }
  const tag = `${alias}t`;
  const [tags, tagKey, tagValue] =
    dialect === 'pg'
      ? [
          `json_array_elements(CAST(${alias}.tags AS json)) AS ${tag}(tag)`,
          `${tag}.tag->>'key'`,
          `${tag}.tag->>'value'`,
        ]
      : [
          `json_each(${alias}.tags) AS ${tag}`,
          `json_extract(${tag}.value, '$.key')`,
          `json_extract(${tag}.value, '$.value')`,
        ];
  const match = compareText(dialect, tagValue, comparator, text);
  return {
    sql: `EXISTS (SELECT 1 FROM ml_run_inputs ${alias} CROSS JOIN ${tags} WHERE ${alias}.run_id = r.id AND ${tagKey} = ? AND ${match.sql})`,
    bindings: [DATASET_CONTEXT_TAG, ...match.bindings],
  };
}

function addRunOrder(
  dialect: SqlDialect,
  query: Knex.QueryBuilder,
  orderBy: readonly OrderByTerm[],
): void {
  orderBy.forEach(({ entity, key, ascending }, index) => {
    const direction = ascending ? 'ASC' : 'DESC';
    if (entity === 'attribute') {
      const { column, integer } = RUN_COLUMNS[key];
      const sorted = integer ? column : byteOrdered(dialect, column);
      // Only end_time may be missing; CASE puts it last in both directions.
      const missingLast =
        key === 'end_time'
          ? `CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END, `
          : '';
      query.orderByRaw(`${missingLast}${sorted} ${direction}`);
      return;
    }
    const alias = `o${index}`;
    query.leftJoin(`${KEYED_TABLES[entity]} as ${alias}`, join =>
      join
        .on(`${alias}.run_id`, '=', 'r.id')
        .andOnVal(`${alias}.key`, '=', key),
    );
    if (entity === 'metric') {
      query.orderByRaw(
        `CASE WHEN ${alias}.run_id IS NULL THEN 2 WHEN ${alias}.special = 'NaN' THEN 1 ELSE 0 END, ` +
          `CASE WHEN ${alias}.special LIKE '-%' THEN -${LARGEST_DOUBLE} WHEN ${alias}.special IS NOT NULL THEN ${LARGEST_DOUBLE} ELSE ${alias}.value END ${direction}`,
      );
    } else {
      query.orderByRaw(
        `CASE WHEN ${alias}.run_id IS NULL THEN 1 ELSE 0 END, ${byteOrdered(
          dialect,
          `${alias}.value`,
        )} ${direction}`,
      );
    }
  });
  if (!orderBy.some(t => t.entity === 'attribute' && t.key === 'start_time')) {
    query.orderBy('r.start_time', 'desc');
  }
  query.orderByRaw(`${byteOrdered(dialect, 'r.id')} ASC`);
}
