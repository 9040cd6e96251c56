import { Knex } from 'knex';
import { ListOptions, ListResult, listPage, nowIso } from './listing';

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

/** The columns a patch changes: fields left undefined keep what is stored. */
function patchColumns<Patch extends object, Row>(
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

/** The creation and last-change stamps of a table's rows, as stored. */
export type StampColumns = { created_at: string; updated_at: string };

/** {@link StampColumns} as the objects the stores return name them. */
export function fromStampColumns(row: StampColumns) {
  return { createdAt: row.created_at, updatedAt: row.updated_at };
}

/** The camelCase field that stores a snake_case column, e.g. `project_id` -> `projectId`. */
type FieldOf<Column extends string> =
  Column extends `${infer Head}_${infer Tail}`
    ? `${Head}${Capitalize<FieldOf<Tail>>}`
    : Column;

function fieldOf(column: string): string {
  return column.replace(/_([a-z])/g, (_, letter: string) =>
    letter.toUpperCase(),
  );
}

/** The fields that {@link SameColumns} hold, by their camelCase names. */
type SameFields<Row, Copied extends keyof Row, Optional extends keyof Row> = {
  [C in Copied as FieldOf<C & string>]: Row[C];
} & {
  [C in Optional as FieldOf<C & string>]?: Exclude<Row[C], null>;
};

/**
 * The columns of a table that hold a field of its objects as they are, under
 * the field's name in snake_case: `copied` ones always have a value,
 * `optional` ones are null in the row where the field is undefined. Declared
 * once per table, they serve both reading rows and inserting them.
 *
 * @internal
 */
export class SameColumns<
  Row,
  Copied extends keyof Row & string,
  Optional extends keyof Row & string = never,
> {
  constructor(
    private readonly copied: readonly Copied[],
    private readonly optional: readonly Optional[] = [],
  ) {}

  /** The fields these columns of `row` hold. */
  fromRow(row: Row): SameFields<Row, Copied, Optional> {
    const fields: Record<string, unknown> = {};
    for (const column of this.copied) fields[fieldOf(column)] = row[column];
    for (const column of this.optional)
      fields[fieldOf(column)] = row[column] ?? undefined;
    return fields as any;
  }

  /** The columns that store these fields of `fields`. */
  toRow(
    fields: SameFields<Row, Copied, Optional>,
  ): Pick<Row, Copied | Optional> {
    const values = fields as Record<string, unknown>;
    const row: Record<string, unknown> = {};
    for (const column of this.copied) row[column] = values[fieldOf(column)];
    for (const column of this.optional)
      row[column] = values[fieldOf(column)] ?? null;
    return row as Pick<Row, Copied | Optional>;
  }
}

/**
 * {@link SameColumns} of a `Row` type, the columns named once:
 * `sameColumns<JobRow>()(['id', 'name'], ['schedule'])`.
 *
 * @internal
 */
export function sameColumns<Row>() {
  return <
    Copied extends keyof Row & string,
    Optional extends keyof Row & string = never,
  >(
    copied: readonly Copied[],
    optional: readonly Optional[] = [],
  ) => new SameColumns<Row, Copied, Optional>(copied, optional);
}

/**
 * A store of one table whose rows map to the objects it returns: the reads
 * and writes of single rows that every such store makes the same way.
 *
 * @internal
 */
export abstract class TableStore<Row, T> {
  protected constructor(
    protected readonly db: Knex,
    private readonly table: string,
    private readonly fromRow: (row: Row) => T,
  ) {}

  /** The row that matches `where`, mapped; undefined when none does. */
  protected async findOne(where: Partial<Row>): Promise<T | undefined> {
    const row: Row | undefined = await this.db(this.table).where(where).first();
    return row ? this.fromRow(row) : undefined;
  }

  /**
   * Inserts a row, stamped as created and updated `now`, and returns it as
   * the store's object.
   */
  protected async insertOne(
    columns: Omit<Row, 'created_at' | 'updated_at'>,
    now: string = nowIso(),
  ): Promise<T> {
    const row = { ...columns, created_at: now, updated_at: now } as Row;
    await this.db(this.table).insert(row);
    return this.fromRow(row);
  }

  /** The rows that match `where`, mapped, sorted by the `orderBy` columns. */
  protected async findAll(
    where: Partial<Row>,
    ...orderBy: Array<keyof Row & string>
  ): Promise<T[]> {
    let query = this.db(this.table).where(where);
    for (const column of orderBy) query = query.orderBy(column);
    const rows: Row[] = await query;
    return rows.map(this.fromRow);
  }

  /** A page of the rows that match `where`, mapped (see {@link listPage}). */
  protected listPageWhere(
    where: Partial<Row>,
    options: ListOptions,
    search: { searchColumns: string[]; tiebreaker: keyof Row & string },
  ): Promise<ListResult<T>> {
    return listPage<Row, T>(
      this.db(this.table).select('*').where(where),
      options,
      { ...search, map: this.fromRow },
    );
  }

  /** Deletes the row that matches `where`; false when none does. */
  protected async deleteOne(where: Partial<Row>): Promise<boolean> {
    return (await this.db(this.table).where(where).delete()) > 0;
  }

  /**
   * Writes a patch to the row that matches `where` and stamps its
   * `updated_at`; false when no row matches.
   */
  protected async patchOne<Patch extends object>(
    where: Partial<Row>,
    patch: Patch,
    columns: PatchColumns<Patch, Row>,
  ): Promise<boolean> {
    const updated = await this.db(this.table)
      .where(where)
      .update({ ...patchColumns(patch, columns), updated_at: nowIso() });
    return updated > 0;
  }

  /**
   * {@link TableStore.patchOne}, then the row as it now stands; undefined
   * when no row matches `where`.
   */
  protected async updateOne<Patch extends object>(
    where: Partial<Row>,
    patch: Patch,
    columns: PatchColumns<Patch, Row>,
  ): Promise<T | undefined> {
    const found = await this.patchOne(where, patch, columns);
    return found ? this.findOne(where) : undefined;
  }
}

/**
 * A {@link TableStore} whose rows are identified by an `id` column.
 *
 * @internal
 */
export abstract class IdTableStore<
  Row extends { id: string },
  T,
> extends TableStore<Row, T> {
  async get(id: string): Promise<T | undefined> {
    return this.findOne({ id } as Partial<Row>);
  }
}
