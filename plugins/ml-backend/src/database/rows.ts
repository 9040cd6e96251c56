import { Knex } from 'knex';

/**
 * The row of `table` that matches `where`, as the store returns it; undefined
 * when no row does.
 *
 * @internal
 */
export async function findRow<Row, T>(
  db: Knex | Knex.Transaction,
  table: string,
  where: Partial<Row>,
  map: (row: Row) => T,
): Promise<T | undefined> {
  const row: Row | undefined = await db(table).where(where).first();
  return row ? map(row) : undefined;
}

/**
 * How each field of a patch is stored: in the column of that name, or in the
 * columns a function gives for its value.
 *
 * @internal
 */
export type PatchColumns<Patch, Row> = {
  [K in keyof Patch]-?:
    | keyof Row
    | ((value: Exclude<Patch[K], undefined>) => Partial<Row>);
};

/**
 * The columns a patch changes: fields left undefined keep what is stored.
 *
 * @internal
 */
export function patchColumns<Patch extends object, Row>(
  patch: Patch,
  columns: PatchColumns<Patch, Row>,
): Partial<Row> {
  const changes: Partial<Row> = {};
  for (const field of Object.keys(columns) as Array<keyof Patch>) {
    const value = patch[field];
    if (value === undefined) continue;
    const column = columns[field];
    Object.assign(
      changes,
      typeof column === 'function'
        ? column(value as Exclude<Patch[keyof Patch], undefined>)
        : { [column as string]: value },
    );
  }
  return changes;
}
