import { invalidParameter } from '../MlflowError';

/**
 * Folders at the root of a local store that hold its own bookkeeping
 * (upload parts, files being written); no artifact path may enter them.
 *
 * @internal
 */
export const RESERVED_ROOT_NAMES: ReadonlySet<string> = new Set([
  '.uploads',
  '.tmp',
]);

const MAX_DECODINGS = 5;

/**
 * The canonical form of an artifact path: `/`-separated segments with no
 * empty or `.` segments (`a//b/./c/` is `a/b/c`; the root is `''`).
 * Refuses, with `INVALID_PARAMETER_VALUE`, a path that is absolute or
 * contains `..`, a NUL byte or a backslash, or that enters the store's
 * reserved folders.
 *
 * @internal
 */
export function normaliseArtifactPath(raw: string): string {
  if (typeof raw !== 'string') {
    throw invalidParameter('The artifact path must be a string');
  }
  if (raw.includes('\0')) {
    throw invalidParameter('The artifact path contains a NUL byte');
  }
  if (raw.includes('\\')) {
    throw invalidParameter(
      `Invalid path '${raw}': use '/' to separate its parts`,
    );
  }
  if (raw.startsWith('/')) {
    throw invalidParameter(`Invalid path '${raw}': it must be relative`);
  }
  const segments = raw.split('/').filter(s => s !== '' && s !== '.');
  if (segments.includes('..')) {
    throw invalidParameter(`Invalid path '${raw}': it may not contain '..'`);
  }
  if (segments.length > 0 && RESERVED_ROOT_NAMES.has(segments[0])) {
    throw invalidParameter(
      `Invalid path '${raw}': '${segments[0]}' is reserved`,
    );
  }
  return segments.join('/');
}

/**
 * Like {@link normaliseArtifactPath}, for a path that arrived in a URL and
 * was decoded once: like MLflow's server, it also refuses a path that
 * would escape once decoded again (`%2e%2e` sent as `%252e%252e`), since
 * some proxy or client along the way may decode it once more.
 *
 * @internal
 */
export function normaliseRequestPath(decodedOnce: string): string {
  const normalised = normaliseArtifactPath(decodedOnce);
  let current = decodedOnce;
  for (let i = 0; i < MAX_DECODINGS && current.includes('%'); i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      // Not percent-encoding after all (`100%.txt`): the name is literal.
      break;
    }
    if (next === current) break;
    normaliseArtifactPath(next);
    current = next;
  }
  return normalised;
}

/** `a/b` joined with `c` is `a/b/c`; either may be the root `''`. @internal */
export function joinArtifactPath(...parts: string[]): string {
  return parts.filter(p => p !== '').join('/');
}

/** The last segment of a normalised path (`''` for the root). @internal */
export function artifactBaseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
