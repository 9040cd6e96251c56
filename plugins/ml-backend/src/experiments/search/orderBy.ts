import { invalidParameter } from '../MlflowError';
import { SearchTextScanner } from './SearchTextScanner';
import { FilterEntity, SEARCH_KINDS, SearchKind } from './searchKinds';

/**
 * One `order_by` entry: what to sort on and which way. Attribute keys are
 * the attribute's own name (`created` reads as `start_time`).
 *
 * @internal
 */
export interface OrderByTerm {
  entity: Exclude<FilterEntity, 'dataset'>;
  key: string;
  ascending: boolean;
}

/**
 * Parses MLflow `order_by` entries (`metrics.rmse DESC`,
 * `attributes.start_time`, `` metrics.`f1 score` ASC ``); the direction
 * defaults to ASC. The same field twice is refused, as MLflow does.
 *
 * @throws MlflowError INVALID_PARAMETER_VALUE naming the offending entry.
 * @internal
 */
export function parseOrderBy(
  kind: SearchKind,
  entries: readonly string[] | undefined,
): OrderByTerm[] {
  const terms: OrderByTerm[] = [];
  const seen = new Set<string>();
  for (const entry of entries ?? []) {
    const term = parseEntry(kind, entry);
    const field = `${term.entity}.${term.key}`;
    if (seen.has(field)) {
      throw invalidParameter(
        `Invalid order_by ${JSON.stringify(
          entries,
        )}: '${entry}' sorts on a field named before`,
      );
    }
    seen.add(field);
    terms.push(term);
  }
  return terms;
}

function parseEntry(kind: SearchKind, entry: string): OrderByTerm {
  const rules = SEARCH_KINDS[kind];
  const scanner = new SearchTextScanner(entry, 'order_by entry');
  if (scanner.atEnd()) {
    throw invalidParameter(`Invalid order_by entry '${entry}': it is empty`);
  }
  const identifier = scanner.readIdentifier();
  let ascending = true;
  if (!scanner.atEnd()) {
    const word = scanner.peekWord();
    if (word !== 'ASC' && word !== 'DESC') {
      throw scanner.error('Expected ASC, DESC or the end of the entry');
    }
    scanner.skipWord();
    ascending = word === 'ASC';
    if (!scanner.atEnd()) throw scanner.error('Expected the end of the entry');
  }
  const entity =
    identifier.prefix === undefined
      ? 'attribute'
      : rules.orderPrefixes[identifier.prefix];
  if (!entity || entity === 'dataset') {
    throw invalidParameter(
      `Invalid order_by entry '${entry}': ${rules.noun} cannot be sorted on '${
        identifier.prefix
      }' fields; use ${Object.keys(rules.orderPrefixes).join(', ')}`,
    );
  }
  if (entity !== 'attribute') {
    return { entity, key: identifier.key, ascending };
  }
  const key = rules.orderAttributes[identifier.key];
  if (!key) {
    throw invalidParameter(
      `Invalid order_by entry '${entry}': ${rules.noun} cannot be sorted on '${
        identifier.key
      }'; use ${Object.keys(rules.orderAttributes).join(', ')}`,
    );
  }
  return { entity, key, ascending };
}
