import { parse } from 'yaml';

/** What a build records from the project's lineage.yaml. */
export interface BuildLineage {
  datasets: string[];
  metadata: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const strings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string' && x.length > 0)
    : [];

/**
 * Reads a model's entry of a lineage.yaml. CML's format is
 * `{ <model name>: { hive_table_qualified_names: [...], metadata: {...} } }`;
 * `datasets:` is accepted in place of `hive_table_qualified_names`. A file
 * without an entry for the model gives no lineage. Throws on YAML that does
 * not parse, with the parser's message.
 */
export function readModelLineage(
  text: string,
  modelName: string,
): BuildLineage {
  const doc = parse(text);
  if (!isObject(doc)) return { datasets: [], metadata: {} };
  const entry = doc[modelName];
  if (!isObject(entry)) return { datasets: [], metadata: {} };
  const datasets = [
    ...new Set([
      ...strings(entry.hive_table_qualified_names),
      ...strings(entry.datasets),
    ]),
  ];
  return { datasets, metadata: isObject(entry.metadata) ? entry.metadata : {} };
}
