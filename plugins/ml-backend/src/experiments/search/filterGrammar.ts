import { invalidParameter } from '../MlflowError';
import { ScannedIdentifier, SearchTextScanner } from './SearchTextScanner';
import {
  AttributeRule,
  DATASET_KEYS,
  FilterComparator,
  FilterEntity,
  SEARCH_KINDS,
  SearchKind,
  SearchKindRules,
  attributeComparators,
} from './searchKinds';

/**
 * One condition of a filter. Conditions of a filter are AND-ed.
 *
 * `value` is a number for metrics and numeric attributes, a list for
 * `IN`/`NOT IN`, null for `IS NULL`/`IS NOT NULL`, a string otherwise.
 * Attribute keys are the attribute's own name (`created` reads as
 * `start_time`, `Run name` as `run_name`).
 *
 * @internal
 */
export interface FilterComparison {
  entity: FilterEntity;
  key: string;
  comparator: FilterComparator;
  value: number | string | readonly string[] | null;
}

interface ResolvedIdentifier {
  entity: FilterEntity;
  key: string;
  attribute?: AttributeRule;
}

/**
 * Parses an MLflow search `filter` (`metrics.rmse < 1 and params.lr =
 * '0.1'`) into its AND-ed comparisons, allowing what MLflow allows for the
 * kind of search. An empty or blank filter has no comparisons.
 *
 * @throws MlflowError INVALID_PARAMETER_VALUE naming the offending part.
 * @internal
 */
export function parseFilter(
  kind: SearchKind,
  text: string | undefined,
): FilterComparison[] {
  if (!text || !text.trim()) return [];
  const rules = SEARCH_KINDS[kind];
  const scanner = new SearchTextScanner(text, 'filter');
  const comparisons: FilterComparison[] = [];
  for (;;) {
    comparisons.push(readComparison(scanner, rules));
    if (scanner.atEnd()) return comparisons;
    const word = scanner.peekWord();
    if (word === 'OR') {
      throw scanner.error(
        `OR is not supported (MLflow's search joins conditions with AND only)`,
      );
    }
    if (word !== 'AND') {
      throw scanner.error('Expected AND or the end of the filter');
    }
    scanner.skipWord();
    if (scanner.atEnd()) {
      throw scanner.error('Expected a condition after AND');
    }
  }
}

function readComparison(
  scanner: SearchTextScanner,
  rules: SearchKindRules,
): FilterComparison {
  if (scanner.peekChar() === '(') {
    throw scanner.error(
      'Expected a condition (parentheses are not supported: join conditions with AND)',
    );
  }
  const identifier = scanner.readIdentifier();
  const resolved = resolveIdentifier(identifier, rules);
  const at = scanner.position;
  const comparator = readComparator(scanner, identifier);
  const allowed = comparatorsOf(resolved, rules);
  if (!allowed.includes(comparator)) {
    throw invalidParameter(
      `Invalid filter '${
        scanner.text
      }': comparator '${comparator}' is not allowed for '${
        identifier.text
      }' (at position ${at}); use one of ${allowed.join(', ')}`,
    );
  }
  const base = { entity: resolved.entity, key: resolved.key, comparator };
  if (comparator === 'IS NULL' || comparator === 'IS NOT NULL') {
    return { ...base, value: null };
  }
  if (comparator === 'IN' || comparator === 'NOT IN') {
    return { ...base, value: readList(scanner, identifier) };
  }
  return { ...base, value: readScalar(scanner, identifier, resolved) };
}

function resolveIdentifier(
  identifier: ScannedIdentifier,
  rules: SearchKindRules,
): ResolvedIdentifier {
  const entity =
    identifier.prefix === undefined
      ? 'attribute'
      : rules.filterPrefixes[identifier.prefix];
  if (!entity) {
    throw invalidParameter(
      `Invalid filter: unknown entity '${identifier.prefix}' in '${
        identifier.text
      }'; searches of ${rules.noun} take ${Object.keys(
        rules.filterPrefixes,
      ).join(', ')}`,
    );
  }
  if (entity === 'attribute') {
    const attribute = rules.filterAttributes[identifier.key];
    if (!attribute) {
      throw invalidParameter(
        `Invalid filter: unknown attribute '${identifier.key}' in '${
          identifier.text
        }'; searches of ${rules.noun} take ${Object.keys(
          rules.filterAttributes,
        ).join(', ')}`,
      );
    }
    return { entity, key: attribute.key, attribute };
  }
  if (entity === 'dataset' && !DATASET_KEYS.includes(identifier.key)) {
    throw invalidParameter(
      `Invalid filter: unknown dataset field '${identifier.key}' in '${
        identifier.text
      }'; use ${DATASET_KEYS.join(', ')}`,
    );
  }
  return { entity, key: identifier.key };
}

function comparatorsOf(
  resolved: ResolvedIdentifier,
  rules: SearchKindRules,
): readonly FilterComparator[] {
  if (resolved.attribute) return attributeComparators(resolved.attribute);
  return rules.comparators[resolved.entity] ?? [];
}

function readComparator(
  scanner: SearchTextScanner,
  identifier: ScannedIdentifier,
): FilterComparator {
  // A name running on into a symbol (`params.model-type`) wants quotes.
  const touching = scanner.text[scanner.position];
  const hint =
    touching !== undefined && !/[\s=!<>]/.test(touching)
      ? ` (quote names holding spaces or symbols with backticks or double quotes, e.g. params.\`model-type\`)`
      : '';
  const symbol = scanner.readSymbol();
  if (symbol) {
    if (['<>', '=='].includes(symbol)) {
      throw scanner.error(
        `Unknown comparator '${symbol}' after '${identifier.text}' (use = or !=)`,
        scanner.position - symbol.length,
      );
    }
    return symbol as FilterComparator;
  }
  const expected = `Expected a comparator (=, !=, >, >=, <, <=, LIKE, ILIKE, IN, NOT IN, IS NULL, IS NOT NULL) after '${identifier.text}'`;
  const word = scanner.peekWord();
  if (word === 'LIKE' || word === 'ILIKE' || word === 'IN') {
    scanner.skipWord();
    return word;
  }
  if (word === 'NOT') {
    scanner.skipWord();
    if (scanner.peekWord() !== 'IN') {
      throw scanner.error(`${expected}: NOT takes IN`);
    }
    scanner.skipWord();
    return 'NOT IN';
  }
  if (word === 'IS') {
    scanner.skipWord();
    let negated = false;
    if (scanner.peekWord() === 'NOT') {
      scanner.skipWord();
      negated = true;
    }
    if (scanner.peekWord() !== 'NULL') {
      throw scanner.error(`${expected}: IS takes NULL or NOT NULL`);
    }
    scanner.skipWord();
    return negated ? 'IS NOT NULL' : 'IS NULL';
  }
  throw scanner.error(`${expected}${hint}`);
}

function readScalar(
  scanner: SearchTextScanner,
  identifier: ScannedIdentifier,
  resolved: ResolvedIdentifier,
): number | string {
  if (scanner.peekChar() === '(') {
    throw scanner.error(
      `Expected a single value for '${identifier.text}' (lists go with IN or NOT IN)`,
    );
  }
  const at = scanner.position;
  const value = scanner.readValue();
  const numeric =
    resolved.entity === 'metric' || resolved.attribute?.type === 'number';
  if (numeric && value.type !== 'number') {
    throw invalidParameter(
      `Invalid filter '${scanner.text}': '${identifier.text}' compares with a number, found ${value.text} at position ${at}`,
    );
  }
  if (!numeric && value.type !== 'string') {
    throw invalidParameter(
      `Invalid filter '${scanner.text}': '${identifier.text}' compares with a quoted string (e.g. '${value.text}'), found ${value.text} at position ${at}`,
    );
  }
  return value.value;
}

function readList(
  scanner: SearchTextScanner,
  identifier: ScannedIdentifier,
): string[] {
  if (!scanner.take('(')) {
    throw scanner.error(
      `Expected a list of quoted strings, e.g. ('a', 'b'), for '${identifier.text}'`,
    );
  }
  const values: string[] = [];
  if (scanner.take(')')) {
    throw scanner.error(
      `Expected a non-empty list of quoted strings for '${identifier.text}'`,
    );
  }
  for (;;) {
    const at = scanner.position;
    const value = scanner.readValue();
    if (value.type !== 'string') {
      throw scanner.error(
        `Expected only quoted strings in the list of '${identifier.text}'`,
        at,
      );
    }
    values.push(value.value);
    if (scanner.take(')')) return values;
    if (!scanner.take(',')) {
      throw scanner.error(
        `Expected ',' or ')' in the list of '${identifier.text}'`,
      );
    }
  }
}
