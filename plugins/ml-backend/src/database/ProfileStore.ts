import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { ResourceProfile } from '@ml-platform/plugin-ml-common';
import { ListOptions, ListResult, STAMP_SORT_FIELDS } from './listing';
import {
  RESOURCE_PATCH_COLUMNS,
  ResourceColumns,
  fromResourceColumns,
  toResourceColumns,
} from './resourceColumns';
import {
  PatchColumns,
  TableStore,
  fromStampColumns,
  sameColumns,
} from './rows';

type ProfileRow = ResourceColumns & {
  id: string;
  workspace: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
};

/** @internal */
export type NewProfile = Omit<
  ResourceProfile,
  'id' | 'createdAt' | 'updatedAt'
>;

/** @internal */
export type ProfilePatch = Partial<
  Pick<ResourceProfile, 'description' | 'cpu' | 'memoryMiB' | 'gpu'>
>;

const PATCH_COLUMNS: PatchColumns<ProfilePatch, ProfileRow> = {
  ...RESOURCE_PATCH_COLUMNS,
  description: 'description',
};

/** @internal */
export const PROFILE_SORT_FIELDS = [
  'name',
  'cpu_millis',
  'memory_mib',
  'gpu',
  ...STAMP_SORT_FIELDS,
];

/** The columns that hold a field of the profile as it is. */
const SAME_COLUMNS = sameColumns<ProfileRow>()([
  'id',
  'workspace',
  'name',
  'description',
]);

function toProfile(row: ProfileRow): ResourceProfile {
  return {
    ...SAME_COLUMNS.fromRow(row),
    ...fromResourceColumns(row),
    ...fromStampColumns(row),
  };
}

/**
 * Resource profiles: the vCPU / memory / GPU sizes users can pick in a
 * workspace.
 *
 * @internal
 */
export class ProfileStore extends TableStore<ProfileRow, ResourceProfile> {
  constructor(db: Knex) {
    super(db, 'resource_profiles', toProfile);
  }

  async list(
    workspace: string,
    options: ListOptions,
  ): Promise<ListResult<ResourceProfile>> {
    return this.listPageWhere({ workspace }, options, {
      searchColumns: ['name', 'description'],
      tiebreaker: 'id',
    });
  }

  async listAll(workspace: string): Promise<ResourceProfile[]> {
    return this.findAll({ workspace }, 'name');
  }

  async get(
    workspace: string,
    name: string,
  ): Promise<ResourceProfile | undefined> {
    return this.findOne({ workspace, name });
  }

  async create(profile: NewProfile): Promise<ResourceProfile> {
    return this.insertOne({
      ...SAME_COLUMNS.toRow({ ...profile, id: uuid() }),
      ...toResourceColumns(profile),
    } as ProfileRow);
  }

  async update(
    workspace: string,
    name: string,
    patch: ProfilePatch,
  ): Promise<ResourceProfile | undefined> {
    return this.updateOne({ workspace, name }, patch, PATCH_COLUMNS);
  }

  async delete(workspace: string, name: string): Promise<boolean> {
    return this.deleteOne({ workspace, name });
  }
}
