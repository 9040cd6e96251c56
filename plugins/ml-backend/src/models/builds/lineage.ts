import { InputError } from '@backstage/errors';
import {
  ModelMonitoringSettingsInput,
  modelMonitoringSettingsInputSchema,
} from '@ml-platform/plugin-ml-common';
import { parse } from 'yaml';

/** What a build records from the project's lineage.yaml. */
export interface BuildLineage {
  datasets: string[];
  metadata: Record<string, unknown>;
  /** The model's monitoring settings, when its entry declares them. */
  monitoring?: ModelMonitoringSettingsInput;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const strings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string' && x.length > 0)
    : [];

/**
 * The entry's `monitoring:` as monitoring settings: `prediction` and
 * `truth` name the metrics (as `predictionMetric` and `truthMetric` do in
 * the API, which are accepted too). An InputError names the bad field.
 */
function readMonitoring(
  value: unknown,
): ModelMonitoringSettingsInput | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    throw new InputError('monitoring: must be a mapping');
  }
  const { prediction, truth, ...rest } = value;
  const result = modelMonitoringSettingsInputSchema.safeParse({
    ...rest,
    ...(prediction !== undefined && { predictionMetric: prediction }),
    ...(truth !== undefined && { truthMetric: truth }),
  });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // The field as the file spells it.
  const spelled: Record<string, string> = {
    ...(prediction !== undefined && { predictionMetric: 'prediction' }),
    ...(truth !== undefined && { truthMetric: 'truth' }),
  };
  const field = issue.path
    .map(part => spelled[String(part)] ?? String(part))
    .join('.');
  throw new InputError(
    `monitoring${field ? `.${field}` : ''}: ${issue.message}`,
  );
}

/**
 * Reads a model's entry of a lineage.yaml. CML's format is
 * `{ <model name>: { hive_table_qualified_names: [...], metadata: {...} } }`;
 * `datasets:` is accepted in place of `hive_table_qualified_names`, and
 * `monitoring:` declares the model's monitoring settings. A file without an
 * entry for the model gives no lineage. Throws on YAML that does not parse,
 * with the parser's message, and an InputError on a bad `monitoring:`.
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
  const monitoring = readMonitoring(entry.monitoring);
  return {
    datasets,
    metadata: isObject(entry.metadata) ? entry.metadata : {},
    ...(monitoring && { monitoring }),
  };
}
