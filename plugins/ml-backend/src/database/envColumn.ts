import { EnvVars, isSecretEnvValue } from '@ml-platform/plugin-ml-common';
import { SealedSecret } from '../secrets/SealedSecret';
import { parseJson } from './listing';

/**
 * How env maps are kept in their JSON text columns: a plain variable as its
 * string, a secret as `{ "secret": true, "ciphertext": "v1.…" }`. Rows
 * written before secrets existed hold strings only and read as they were.
 */

interface StoredSecret {
  secret: true;
  ciphertext: string;
}

function isStoredSecret(value: unknown): value is StoredSecret {
  return (
    isSecretEnvValue(value) &&
    typeof (value as Partial<StoredSecret>).ciphertext === 'string'
  );
}

/** A secret that reached a store unsealed is a bug: refuse to write it. */
function sealedOrThrow(name: string, value: unknown): SealedSecret {
  if (!(value instanceof SealedSecret)) {
    throw new Error(`env var ${name} is secret but was not sealed`);
  }
  return value;
}

export function envToColumn(env: EnvVars): string {
  const stored: Record<string, string | StoredSecret> = {};
  for (const [name, value] of Object.entries(env)) {
    stored[name] =
      typeof value === 'string'
        ? value
        : { secret: true, ciphertext: sealedOrThrow(name, value).ciphertext };
  }
  return JSON.stringify(stored);
}

export function envFromColumn(text: string | null | undefined): EnvVars {
  const env: EnvVars = {};
  const stored = parseJson<Record<string, unknown>>(text ?? '{}', {});
  for (const [name, value] of Object.entries(stored)) {
    if (typeof value === 'string') env[name] = value;
    else if (isStoredSecret(value))
      env[name] = new SealedSecret(value.ciphertext);
  }
  return env;
}

/** The sealed half of a workload's env: name → ciphertext. */
export function secretsToColumn(secrets: Record<string, SealedSecret>): string {
  const stored: Record<string, string> = {};
  for (const [name, value] of Object.entries(secrets)) {
    stored[name] = sealedOrThrow(name, value).ciphertext;
  }
  return JSON.stringify(stored);
}

export function secretsFromColumn(
  text: string | null | undefined,
): Record<string, SealedSecret> {
  const secrets: Record<string, SealedSecret> = {};
  const stored = parseJson<Record<string, unknown>>(text ?? '{}', {});
  for (const [name, value] of Object.entries(stored)) {
    if (typeof value === 'string') secrets[name] = new SealedSecret(value);
  }
  return secrets;
}
