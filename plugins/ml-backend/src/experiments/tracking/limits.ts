import path from 'node:path';
import { invalidParameter } from '../MlflowError';
import { KeyValue, Metric } from './types';

/** MLflow's limits (`mlflow/utils/validation.py`), which its clients expect. */
export const LIMITS = {
  metricsPerBatch: 1000,
  paramsPerBatch: 100,
  tagsPerBatch: 100,
  entitiesPerBatch: 1000,
  keyLength: 250,
  paramValueLength: 6000,
  tagValueLength: 5000,
  experimentNameLength: 500,
  runNameLength: 250,
} as const;

// Slashes, letters, digits, underscores, periods, dashes and spaces.
const KEY_PATTERN = /^[/\w.\- ]*$/;

/**
 * A metric, param or tag key: MLflow's characters, and no name that would
 * resolve to another one when treated as a file path (`a/../b`, `./a`).
 */
export function validateKey(kind: 'metric' | 'parameter' | 'tag', key: string) {
  if (!key) {
    throw invalidParameter(`A ${kind} needs a key name.`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw invalidParameter(
      `Invalid ${kind} name: '${key}'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).`,
    );
  }
  const normalized = path.posix.normalize(key);
  if (
    normalized !== key ||
    normalized === '.' ||
    normalized.startsWith('..') ||
    normalized.startsWith('/')
  ) {
    throw invalidParameter(
      `Invalid ${kind} name: '${key}'. Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '${normalized}'`,
    );
  }
  validateLength(`${capitalize(kind)} key`, LIMITS.keyLength, key);
}

export function validateLength(what: string, limit: number, value: string) {
  if (value.length > limit) {
    throw invalidParameter(
      `${what} '${value.slice(0, 250)}' had length ${
        value.length
      }, which exceeded length limit of ${limit}`,
    );
  }
}

export function validateParam(param: KeyValue) {
  validateKey('parameter', param.key);
  validateLength('Param value', LIMITS.paramValueLength, param.value);
}

export function validateTag(tag: KeyValue) {
  validateKey('tag', tag.key);
  validateLength('Tag value', LIMITS.tagValueLength, tag.value);
}

export function validateMetric(metric: Metric) {
  validateKey('metric', metric.key);
  if (metric.timestamp < 0) {
    throw invalidParameter(
      `Got invalid timestamp ${metric.timestamp} for metric '${metric.key}' (value=${metric.value}). Timestamp must be a nonnegative long (64-bit integer)`,
    );
  }
}

/** A batch within MLflow's per-request limits. */
export function validateBatchSize(batch: {
  metrics: unknown[];
  params: unknown[];
  tags: unknown[];
}) {
  const check = (what: string, limit: number, length: number) => {
    if (length > limit) {
      throw invalidParameter(
        `A batch logging request can contain at most ${limit} ${what}. Got ${length} ${what}. Please split up ${what} across multiple requests and try again.`,
      );
    }
  };
  check('metrics', LIMITS.metricsPerBatch, batch.metrics.length);
  check('params', LIMITS.paramsPerBatch, batch.params.length);
  check('tags', LIMITS.tagsPerBatch, batch.tags.length);
  check(
    'metrics, params, and tags',
    LIMITS.entitiesPerBatch,
    batch.metrics.length + batch.params.length + batch.tags.length,
  );
}

function capitalize(text: string) {
  return text[0].toUpperCase() + text.slice(1);
}
