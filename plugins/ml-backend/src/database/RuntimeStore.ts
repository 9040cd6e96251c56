import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { Runtime } from '@ml-platform/plugin-ml-common';
import {
  ListOptions,
  ListResult,
  listPage,
  STAMP_SORT_FIELDS,
} from './listing';
import {
  IdTableStore,
  PatchColumns,
  fromStampColumns,
  sameColumns,
} from './rows';

type RuntimeRow = {
  id: string;
  editor: string;
  kernel: string;
  edition: string;
  short_version: string;
  maintenance_version: number;
  description: string;
  image: string | null;
  command: string | null;
  enabled: boolean | number;
  created_at: string;
  updated_at: string;
};

/** @internal */
export type NewRuntime = Omit<Runtime, 'id' | 'createdAt' | 'updatedAt'>;

/** @internal */
export type RuntimeTuple = Pick<
  Runtime,
  'editor' | 'kernel' | 'edition' | 'shortVersion' | 'maintenanceVersion'
>;

/** @internal */
export type RuntimePatch = {
  description?: string;
  image?: string | null;
  command?: string | null;
  enabled?: boolean;
};

const PATCH_COLUMNS: PatchColumns<RuntimePatch, RuntimeRow> = {
  description: 'description',
  image: 'image',
  command: 'command',
  enabled: 'enabled',
};

/** @internal */
export const RUNTIME_SORT_FIELDS = [
  'editor',
  'kernel',
  'edition',
  'short_version',
  'maintenance_version',
  ...STAMP_SORT_FIELDS,
];

/** The columns that hold a field of the runtime as it is. */
const SAME_COLUMNS = sameColumns<RuntimeRow>()(
  [
    'id',
    'editor',
    'kernel',
    'edition',
    'short_version',
    'maintenance_version',
    'description',
  ],
  ['image', 'command'],
);

function toRuntime(row: RuntimeRow): Runtime {
  return {
    ...SAME_COLUMNS.fromRow(row),
    enabled: Boolean(row.enabled),
    ...fromStampColumns(row),
  };
}

/**
 * Runtimes: editor + kernel + edition + version tuples that map to an image
 * or a local command.
 *
 * @internal
 */
export class RuntimeStore extends IdTableStore<RuntimeRow, Runtime> {
  constructor(db: Knex) {
    super(db, 'runtimes', toRuntime);
  }

  /**
   * Lists runtimes; with `latestOnly`, a runtime is hidden when the same
   * editor/kernel/edition/short version has a higher maintenance version.
   */
  async list(
    options: ListOptions & { latestOnly: boolean; enabled?: boolean },
  ): Promise<ListResult<Runtime>> {
    let query = this.db('runtimes as r').select('r.*');
    if (options.latestOnly) {
      query = query.whereNotExists(
        this.db('runtimes as newer')
          .select(this.db.raw('1'))
          .whereRaw('newer.editor = r.editor')
          .whereRaw('newer.kernel = r.kernel')
          .whereRaw('newer.edition = r.edition')
          .whereRaw('newer.short_version = r.short_version')
          .whereRaw('newer.maintenance_version > r.maintenance_version'),
      );
    }
    if (options.enabled !== undefined) {
      query = query.where('r.enabled', options.enabled);
    }
    return listPage<RuntimeRow, Runtime>(query, options, {
      searchColumns: ['r.editor', 'r.kernel', 'r.edition', 'r.short_version'],
      tiebreaker: 'id',
      map: toRuntime,
    });
  }

  async findByTuple(tuple: RuntimeTuple): Promise<Runtime | undefined> {
    return this.findOne({
      editor: tuple.editor,
      kernel: tuple.kernel,
      edition: tuple.edition,
      short_version: tuple.shortVersion,
      maintenance_version: tuple.maintenanceVersion,
    });
  }

  async create(runtime: NewRuntime): Promise<Runtime> {
    return this.insertOne({
      ...SAME_COLUMNS.toRow({ ...runtime, id: uuid() }),
      enabled: runtime.enabled,
    });
  }

  async update(id: string, patch: RuntimePatch): Promise<Runtime | undefined> {
    return this.updateOne({ id }, patch, PATCH_COLUMNS);
  }

  async delete(id: string): Promise<boolean> {
    return this.deleteOne({ id });
  }
}
