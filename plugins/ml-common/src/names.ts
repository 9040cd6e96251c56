/**
 * Names of workspaces and projects become Kubernetes namespaces, URL segments
 * and catalog entity names, so they follow the DNS label rules (RFC 1123).
 *
 * @public
 */
export const DNS_LABEL_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** @public */
export const DNS_LABEL_MAX_LENGTH = 63;

/**
 * Explains why a name is not a DNS label, or returns undefined when it is one.
 *
 * @public
 */
export function explainInvalidName(name: string): string | undefined {
  if (name.length === 0) {
    return 'must not be empty';
  }
  if (name.length > DNS_LABEL_MAX_LENGTH) {
    return `must be at most ${DNS_LABEL_MAX_LENGTH} characters (got ${name.length})`;
  }
  if (!DNS_LABEL_PATTERN.test(name)) {
    return 'must use only lowercase letters, digits and "-", and start and end with a letter or digit';
  }
  return undefined;
}

/**
 * Backstage entity refs of users and groups, in full form: `user:default/jane`,
 * `group:default/ml-research`.
 *
 * @public
 */
export const OWNER_REF_PATTERN =
  /^(user|group):[a-z0-9][a-z0-9_.-]{0,62}\/[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/**
 * Environment variable names as POSIX shells accept them.
 *
 * @public
 */
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
