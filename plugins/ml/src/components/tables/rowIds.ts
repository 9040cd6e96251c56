/**
 * The rows with an `id` each, as the table (material-table) wants to keep
 * its state per row; without one it warns in development on every table.
 * Rows that have an id stay the same objects; others get a copy with the
 * key that `idOf` gives, or their position.
 */
export function withRowIds<T extends object>(
  rows: readonly T[],
  idOf?: (row: T) => string,
): T[] {
  return rows.map((row, index) =>
    'id' in row && (row as { id?: unknown }).id !== undefined
      ? row
      : { ...row, id: idOf ? idOf(row) : String(index) },
  );
}
