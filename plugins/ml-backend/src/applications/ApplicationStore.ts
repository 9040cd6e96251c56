import { Knex } from 'knex';
import { Application } from '@ml-platform/plugin-ml-common';
import { envFromColumn, envToColumn } from '../database/envColumn';
import { nowIso } from '../database/listing';
import {
  IdTableStore,
  PatchColumns,
  fromStampColumns,
  sameColumns,
} from '../database/rows';

type ApplicationRow = {
  id: string;
  project_id: string;
  name: string;
  slug: string;
  description: string;
  script: string;
  runtime_id: string;
  profile: string;
  env: string;
  bypass_authentication: boolean | number;
  workload_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

/**
 * An application as stored: what to run, with the secrets of its env
 * sealed; its state, reason and URL come from its workload and slug.
 */
export type StoredApplication = Omit<Application, 'state' | 'reason' | 'url'>;

export type NewApplication = Omit<
  StoredApplication,
  'workloadId' | 'createdAt' | 'updatedAt'
>;

export type ApplicationPatch = Partial<
  Pick<
    StoredApplication,
    | 'name'
    | 'slug'
    | 'description'
    | 'script'
    | 'runtimeId'
    | 'profile'
    | 'env'
    | 'bypassAuthentication'
  >
>;

/** The columns that hold a field of the application as it is. */
const SAME_COLUMNS = sameColumns<ApplicationRow>()([
  'id',
  'project_id',
  'name',
  'slug',
  'description',
  'script',
  'runtime_id',
  'profile',
  'created_by',
]);

function toApplication(row: ApplicationRow): StoredApplication {
  return {
    ...SAME_COLUMNS.fromRow(row),
    env: envFromColumn(row.env),
    bypassAuthentication: Boolean(row.bypass_authentication),
    workloadId: row.workload_id ?? undefined,
    ...fromStampColumns(row),
  };
}

const PATCH_COLUMNS: PatchColumns<ApplicationPatch, ApplicationRow> = {
  name: 'name',
  slug: 'slug',
  description: 'description',
  script: 'script',
  runtimeId: 'runtime_id',
  profile: 'profile',
  env: env => ({ env: envToColumn(env) }),
  bypassAuthentication: 'bypass_authentication',
};

/**
 * Applications of projects. The slug is unique across the portal (a unique
 * index), so two creates racing for one slug cannot both win.
 */
export class ApplicationStore extends IdTableStore<
  ApplicationRow,
  StoredApplication
> {
  constructor(db: Knex) {
    super(db, 'applications', toApplication);
  }

  async listByProject(projectId: string): Promise<StoredApplication[]> {
    return this.findAll({ project_id: projectId }, 'name', 'id');
  }

  async getBySlug(slug: string): Promise<StoredApplication | undefined> {
    return this.findOne({ slug });
  }

  /** Throws the database's unique violation when the slug is taken. */
  async create(app: NewApplication): Promise<StoredApplication> {
    return this.insertOne({
      ...SAME_COLUMNS.toRow(app),
      env: envToColumn(app.env),
      bypass_authentication: app.bypassAuthentication,
      // It has no workload until it starts.
      workload_id: null,
    });
  }

  async update(
    id: string,
    patch: ApplicationPatch,
  ): Promise<StoredApplication | undefined> {
    return this.updateOne({ id }, patch, PATCH_COLUMNS);
  }

  /**
   * Points the app at a new workload, only if it still points at `expected`
   * (undefined: none): of two starts racing, one wins.
   */
  async swapWorkload(
    id: string,
    expected: string | undefined,
    workloadId: string,
  ): Promise<boolean> {
    const updated = await this.db('applications')
      .where({ id })
      .modify(q =>
        expected
          ? q.where('workload_id', expected)
          : q.whereNull('workload_id'),
      )
      .update({ workload_id: workloadId, updated_at: nowIso() });
    return updated === 1;
  }

  async delete(id: string): Promise<boolean> {
    return this.deleteOne({ id });
  }

  /** Removes every app of a project (the project is being deleted); frees their slugs. */
  async deleteAllOfProject(projectId: string): Promise<number> {
    return this.db('applications').where({ project_id: projectId }).delete();
  }
}
