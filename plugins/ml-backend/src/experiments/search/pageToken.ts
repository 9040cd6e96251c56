import { invalidParameter } from '../MlflowError';
import { SearchKind } from './searchKinds';

/**
 * The page token of the page that starts at `offset` in a search's order.
 * Tokens are opaque to clients: base64url of `{"offset": n}`. Like
 * MLflow's, they stay valid only as long as the rows before them do not
 * change.
 *
 * @internal
 */
export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

/**
 * The offset a page token stands for; no token (or an empty one) is the
 * first page.
 *
 * @throws MlflowError INVALID_PARAMETER_VALUE for a token we did not make.
 * @internal
 */
export function decodePageToken(token: string | undefined | null): number {
  if (!token) return 0;
  // Standard base64 too: a client may have re-encoded what it was given.
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(token)) {
    throw invalidParameter('Invalid page token, could not base64-decode');
  }
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch {
    throw invalidParameter(`Invalid page token, decoded value=${decoded}`);
  }
  const offset = (parsed as { offset?: unknown } | null)?.offset;
  if (
    typeof offset !== 'number' ||
    !Number.isSafeInteger(offset) ||
    offset < 0
  ) {
    throw invalidParameter(`Invalid page token, parsed value=${decoded}`);
  }
  return offset;
}

/** MLflow's default and largest `max_results` of each search. */
const MAX_RESULTS: Record<SearchKind, { default: number; max: number }> = {
  // mlflow/store/tracking: SEARCH_MAX_RESULTS_DEFAULT / _THRESHOLD
  runs: { default: 1000, max: 50_000 },
  experiments: { default: 1000, max: 50_000 },
  // mlflow/store/model_registry: SEARCH_REGISTERED_MODEL_MAX_RESULTS_*
  registeredModels: { default: 100, max: 1000 },
  // mlflow/store/model_registry: SEARCH_MODEL_VERSION_MAX_RESULTS_*
  modelVersions: { default: 1000, max: 200_000 },
};

/**
 * A search's `max_results` as a page size: MLflow's default when absent,
 * else a positive integer up to MLflow's limit for the kind. Takes the
 * number of a JSON body or the string of a query parameter.
 *
 * @throws MlflowError INVALID_PARAMETER_VALUE when out of range or not an
 *   integer.
 * @internal
 */
export function resolveMaxResults(kind: SearchKind, value: unknown): number {
  const limits = MAX_RESULTS[kind];
  if (value === undefined || value === null || value === '') {
    return limits.default;
  }
  const parsed =
    typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)
      ? Number(value)
      : value;
  if (
    typeof parsed !== 'number' ||
    !Number.isSafeInteger(parsed) ||
    parsed < 1
  ) {
    throw invalidParameter(
      `Invalid value for request parameter max_results. It must be a positive integer, but got value ${JSON.stringify(
        value,
      )}`,
    );
  }
  if (parsed > limits.max) {
    throw invalidParameter(
      `Invalid value for request parameter max_results. It must be at most ${limits.max}, but got value ${parsed}`,
    );
  }
  return parsed;
}
