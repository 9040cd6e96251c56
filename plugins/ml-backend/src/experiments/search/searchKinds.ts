/**
 * What each of MLflow's searches lets a `filter` and an `order_by` name,
 * after `mlflow/utils/search_utils.py` (`SearchUtils`,
 * `SearchExperimentsUtils`, `SearchModelUtils`, `SearchModelVersionUtils`).
 */

/** @internal */
export type SearchKind =
  | 'runs'
  | 'experiments'
  | 'registeredModels'
  | 'modelVersions';

/** @internal */
export type FilterEntity = 'metric' | 'param' | 'tag' | 'attribute' | 'dataset';

/** @internal */
export type NumericComparator = '=' | '!=' | '>' | '>=' | '<' | '<=';

/** @internal */
export type FilterComparator =
  | NumericComparator
  | 'LIKE'
  | 'ILIKE'
  | 'IN'
  | 'NOT IN'
  | 'IS NULL'
  | 'IS NOT NULL';

/** An attribute as the grammar knows it: its name and its value's type. */
export interface AttributeRule {
  /** The attribute's own name, which aliases resolve to. */
  key: string;
  type: 'string' | 'number';
  /** List comparators the attribute takes besides the scalar ones. */
  listComparators?: readonly FilterComparator[];
}

/** @internal */
export interface SearchKindRules {
  /** How messages call the thing searched. */
  noun: string;
  /** Entity prefixes (`metrics`, `tag`, …) a filter may use. */
  filterPrefixes: Readonly<Record<string, FilterEntity>>;
  /** Attributes a filter may compare, by every name MLflow accepts. */
  filterAttributes: Readonly<Record<string, AttributeRule>>;
  /** Comparators of the keyed entities (all but attributes). */
  comparators: Readonly<
    Partial<Record<FilterEntity, readonly FilterComparator[]>>
  >;
  /** Entity prefixes an order_by may use. */
  orderPrefixes: Readonly<Record<string, FilterEntity>>;
  /** Attributes an order_by may name, alias to attribute. */
  orderAttributes: Readonly<Record<string, string>>;
}

/** @internal */
export const NUMERIC_COMPARATORS: readonly NumericComparator[] = [
  '=',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
];

const STRING_COMPARATORS: readonly FilterComparator[] = [
  '=',
  '!=',
  'LIKE',
  'ILIKE',
];

// MLflow added IS NULL / IS NOT NULL for run tags and params and for
// experiment tags; registered models and versions do not take them.
const NULLABLE_STRING_COMPARATORS: readonly FilterComparator[] = [
  ...STRING_COMPARATORS,
  'IS NULL',
  'IS NOT NULL',
];

const LIST_COMPARATORS: readonly FilterComparator[] = ['IN', 'NOT IN'];

const string = (
  key: string,
  listComparators?: readonly FilterComparator[],
): AttributeRule => ({ key, type: 'string', listComparators });
const number = (key: string): AttributeRule => ({ key, type: 'number' });

// Entity prefixes of registry and experiment searches: MLflow takes only
// these there (not `attributes` nor `attr`).
const REGISTRY_PREFIXES: Readonly<Record<string, FilterEntity>> = {
  attribute: 'attribute',
  tag: 'tag',
  tags: 'tag',
};

const RUNS: SearchKindRules = {
  noun: 'runs',
  filterPrefixes: {
    metric: 'metric',
    metrics: 'metric',
    parameter: 'param',
    parameters: 'param',
    param: 'param',
    params: 'param',
    tag: 'tag',
    tags: 'tag',
    attribute: 'attribute',
    attributes: 'attribute',
    attr: 'attribute',
    run: 'attribute',
    dataset: 'dataset',
    datasets: 'dataset',
  },
  filterAttributes: {
    run_id: string('run_id', LIST_COMPARATORS),
    run_name: string('run_name'),
    'run name': string('run_name'),
    'Run name': string('run_name'),
    'Run Name': string('run_name'),
    status: string('status'),
    user_id: string('user_id'),
    artifact_uri: string('artifact_uri'),
    start_time: number('start_time'),
    end_time: number('end_time'),
    created: number('start_time'),
    Created: number('start_time'),
  },
  comparators: {
    metric: NUMERIC_COMPARATORS,
    param: NULLABLE_STRING_COMPARATORS,
    tag: NULLABLE_STRING_COMPARATORS,
    dataset: [...STRING_COMPARATORS, ...LIST_COMPARATORS],
  },
  orderPrefixes: {
    metric: 'metric',
    metrics: 'metric',
    parameter: 'param',
    parameters: 'param',
    param: 'param',
    params: 'param',
    tag: 'tag',
    tags: 'tag',
    attribute: 'attribute',
    attributes: 'attribute',
    attr: 'attribute',
    run: 'attribute',
  },
  orderAttributes: {
    run_id: 'run_id',
    run_name: 'run_name',
    status: 'status',
    user_id: 'user_id',
    artifact_uri: 'artifact_uri',
    start_time: 'start_time',
    end_time: 'end_time',
    created: 'start_time',
    Created: 'start_time',
  },
};

const EXPERIMENTS: SearchKindRules = {
  noun: 'experiments',
  filterPrefixes: REGISTRY_PREFIXES,
  filterAttributes: {
    name: string('name'),
    creation_time: number('creation_time'),
    last_update_time: number('last_update_time'),
  },
  comparators: { tag: NULLABLE_STRING_COMPARATORS },
  orderPrefixes: { attribute: 'attribute' },
  orderAttributes: {
    name: 'name',
    experiment_id: 'experiment_id',
    creation_time: 'creation_time',
    last_update_time: 'last_update_time',
  },
};

const REGISTERED_MODELS: SearchKindRules = {
  noun: 'registered models',
  filterPrefixes: REGISTRY_PREFIXES,
  filterAttributes: { name: string('name') },
  comparators: { tag: STRING_COMPARATORS },
  orderPrefixes: { attribute: 'attribute' },
  orderAttributes: {
    name: 'name',
    creation_timestamp: 'creation_timestamp',
    last_updated_timestamp: 'last_updated_timestamp',
    // MLflow's SQL store reads a bare `timestamp` as the last update.
    timestamp: 'last_updated_timestamp',
  },
};

const MODEL_VERSIONS: SearchKindRules = {
  noun: 'model versions',
  filterPrefixes: REGISTRY_PREFIXES,
  filterAttributes: {
    name: string('name'),
    // MLflow takes IN but not NOT IN for a version's run.
    run_id: string('run_id', ['IN']),
    source_path: string('source_path'),
    version_number: number('version_number'),
  },
  comparators: { tag: STRING_COMPARATORS },
  orderPrefixes: { attribute: 'attribute' },
  orderAttributes: {
    name: 'name',
    version_number: 'version_number',
    creation_timestamp: 'creation_timestamp',
    last_updated_timestamp: 'last_updated_timestamp',
  },
};

/** @internal */
export const SEARCH_KINDS: Readonly<Record<SearchKind, SearchKindRules>> = {
  runs: RUNS,
  experiments: EXPERIMENTS,
  registeredModels: REGISTERED_MODELS,
  modelVersions: MODEL_VERSIONS,
};

/** The keys a dataset comparison may name (runs only). */
export const DATASET_KEYS: readonly string[] = ['name', 'digest', 'context'];

/** Comparators an attribute takes, by its value's type. */
export function attributeComparators(
  rule: AttributeRule,
): readonly FilterComparator[] {
  if (rule.type === 'number') return NUMERIC_COMPARATORS;
  return [...STRING_COMPARATORS, ...(rule.listComparators ?? [])];
}
