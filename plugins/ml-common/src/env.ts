import type { MlApiComponents } from './schema/openapi';

/**
 * Environment variables as the API shows and takes them. Any variable, at
 * any level (workspace, project, job, run, build, deployment, application),
 * may be secret: its value is written once and never shown again.
 */

/**
 * A secret variable as every read shows it: the value is never returned.
 *
 * @public
 */
export type SecretEnvValue = MlApiComponents['schemas']['SecretEnvMasked'];

/**
 * One variable as read: its value, or a masked secret.
 *
 * @public
 */
export type EnvValue = string | SecretEnvValue;

/**
 * Variables as the API returns them (secrets masked).
 *
 * @public
 */
export type EnvVars = MlApiComponents['schemas']['EnvVarsRead'];

/**
 * One variable as written: a plain value, a secret with its value, or
 * `{ secret: true }` alone to keep the secret already stored under that name
 * (what a read returned, so a read-modify-write keeps it).
 *
 * @public
 */
export type EnvVarInput = string | { secret: true; value?: string };

/** @public */
export function isSecretEnvValue(value: unknown): value is SecretEnvValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { secret?: unknown }).secret === true
  );
}

/**
 * The plain (non-secret) variables of a set: what may be read as text, e.g.
 * to find the models an application calls.
 *
 * @public
 */
export function plainEnvVars(env: EnvVars): Record<string, string> {
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (typeof value === 'string') {
      plain[name] = value;
    }
  }
  return plain;
}
