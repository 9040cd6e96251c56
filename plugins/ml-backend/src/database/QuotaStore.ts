import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { Quota } from '@ml-platform/plugin-ml-common';
import { ListOptions, ListResult, STAMP_SORT_FIELDS } from './listing';
import {
  RESOURCE_PATCH_COLUMNS,
  ResourceColumns,
  fromResourceColumns,
  toResourceColumns,
} from './resourceColumns';
import { TableStore, fromStampColumns, sameColumns } from './rows';

type QuotaRow = ResourceColumns & {
  id: string;
  workspace: string;
  subject: string;
  created_at: string;
  updated_at: string;
};

/** @internal */
export type NewQuota = Omit<Quota, 'id' | 'createdAt' | 'updatedAt'>;

/** @internal */
export type QuotaPatch = Partial<Pick<Quota, 'cpu' | 'memoryMiB' | 'gpu'>>;

/** @internal */
export const QUOTA_SORT_FIELDS = [
  'subject',
  'cpu_millis',
  'memory_mib',
  'gpu',
  ...STAMP_SORT_FIELDS,
];

/** The columns that hold a field of the quota as it is. */
const SAME_COLUMNS = sameColumns<QuotaRow>()(['id', 'workspace', 'subject']);

function toQuota(row: QuotaRow): Quota {
  return {
    ...SAME_COLUMNS.fromRow(row),
    ...fromResourceColumns(row),
    ...fromStampColumns(row),
  };
}

/**
 * Quotas: the most a user or a team may hold at once in a workspace.
 *
 * @internal
 */
export class QuotaStore extends TableStore<QuotaRow, Quota> {
  constructor(db: Knex) {
    super(db, 'quotas', toQuota);
  }

  async list(
    workspace: string,
    options: ListOptions,
  ): Promise<ListResult<Quota>> {
    return this.listPageWhere({ workspace }, options, {
      searchColumns: ['subject'],
      tiebreaker: 'id',
    });
  }

  async get(workspace: string, id: string): Promise<Quota | undefined> {
    return this.findOne({ workspace, id });
  }

  async findBySubject(
    workspace: string,
    subject: string,
  ): Promise<Quota | undefined> {
    return this.findOne({ workspace, subject });
  }

  async create(quota: NewQuota): Promise<Quota> {
    return this.insertOne({
      ...SAME_COLUMNS.toRow({ ...quota, id: uuid() }),
      ...toResourceColumns(quota),
    } as QuotaRow);
  }

  async update(
    workspace: string,
    id: string,
    patch: QuotaPatch,
  ): Promise<Quota | undefined> {
    return this.updateOne({ workspace, id }, patch, RESOURCE_PATCH_COLUMNS);
  }

  async delete(workspace: string, id: string): Promise<boolean> {
    return this.deleteOne({ workspace, id });
  }
}
