import { ENV_NAME_PATTERN, EnvVarsInput } from '@ml-platform/plugin-ml-common';

/** One variable as the editor shows it. */
export interface EnvRow {
  id: number;
  name: string;
  /** What was typed: a plain value, or a new secret's value. */
  value: string;
  secret: boolean;
  /**
   * A secret the server has stored, kept as it is: its value is not known
   * here, and saving sends `{ secret: true }` so that the server keeps it.
   */
  kept: boolean;
  /** A masked secret copied from elsewhere (an earlier build): its value must be typed again. */
  copied: boolean;
}

/**
 * The rows for a set of variables. With `keepsSecrets` the set belongs to
 * what is being edited, so its masked secrets can be kept; otherwise (a new
 * build that starts from the previous one) they must be given again, as the
 * server has nothing stored under them for the new object.
 */
export function rowsFrom(
  env: EnvVarsInput,
  keepsSecrets: boolean,
  nextId: () => number,
): EnvRow[] {
  return Object.entries(env).map(([name, value]) => {
    const row = {
      id: nextId(),
      name,
      value: '',
      secret: false,
      kept: false,
      copied: false,
    };
    if (typeof value === 'string') return { ...row, value };
    if (value.value !== undefined)
      return { ...row, secret: true, value: value.value };
    return { ...row, secret: true, kept: keepsSecrets, copied: !keepsSecrets };
  });
}

/** What the rows save as: masked secrets that are kept go as `{ secret: true }`. */
export function toEnvInput(rows: EnvRow[]): EnvVarsInput {
  const vars: EnvVarsInput = {};
  for (const row of rows) {
    if (!row.name) continue;
    if (!row.secret) vars[row.name] = row.value;
    else if (row.kept) vars[row.name] = { secret: true };
    else vars[row.name] = { secret: true, value: row.value };
  }
  return vars;
}

/** What is wrong with a row, or undefined; a blank new row is ignored. */
export function problemOf(row: EnvRow, rows: EnvRow[]): string | undefined {
  if (!row.name && !row.value && !row.kept) {
    return undefined;
  }
  if (!ENV_NAME_PATTERN.test(row.name)) {
    return 'Letters, digits and "_", not starting with a digit';
  }
  if (rows.some(other => other.id !== row.id && other.name === row.name)) {
    return 'Defined twice';
  }
  if (row.secret && !row.kept && !row.value) {
    return row.copied
      ? 'Secrets are not copied: enter its value again'
      : "Enter the secret's value";
  }
  return undefined;
}

/**
 * The masked secrets of a set copied from elsewhere, which a form must have
 * typed again before it can be sent.
 */
export function secretsToReenter(env: EnvVarsInput): string[] {
  return Object.entries(env)
    .filter(
      ([, value]) => typeof value !== 'string' && value.value === undefined,
    )
    .map(([name]) => name);
}
