/**
 * True when a database error is a unique constraint violation, on SQLite or
 * Postgres: a concurrent insert won the race that the service's own check lost.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}

/**
 * Creates what must be unique: fails with `conflict` when `existing` finds it
 * already there, and also when a concurrent create wins the race after that
 * check (the database's unique violation).
 */
export async function createUnique<T>(
  conflict: Error,
  existing: () => Promise<unknown>,
  create: () => Promise<T>,
): Promise<T> {
  if (await existing()) {
    throw conflict;
  }
  try {
    return await create();
  } catch (error) {
    throw isUniqueViolation(error) ? conflict : error;
  }
}
