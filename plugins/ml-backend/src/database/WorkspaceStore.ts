import { Knex } from 'knex';
import {
  NodeGroup,
  ResourceLimits,
  Workspace,
} from '@ml-platform/plugin-ml-common';
import { envFromColumn, envToColumn } from './envColumn';
import {
  ListOptions,
  ListResult,
  listPage,
  parseJson,
  STAMP_SORT_FIELDS,
} from './listing';
import {
  PatchColumns,
  TableStore,
  fromStampColumns,
  sameColumns,
} from './rows';

type WorkspaceRow = {
  name: string;
  title: string;
  description: string;
  owner: string;
  driver: string;
  node_groups: string;
  env: string;
  default_quota_cpu_millis: number;
  default_quota_memory_mib: number;
  default_quota_gpu: number;
  created_at: string;
  updated_at: string;
};

/** @internal */
export type NewWorkspace = Omit<Workspace, 'createdAt' | 'updatedAt'>;

/** @internal */
export type WorkspacePatch = Partial<
  Omit<Workspace, 'name' | 'driver' | 'createdAt' | 'updatedAt'>
>;

/** @internal */
export const WORKSPACE_SORT_FIELDS = [
  'name',
  'title',
  'owner',
  ...STAMP_SORT_FIELDS,
];

/** The columns that hold a field of the workspace as it is. */
const SAME_COLUMNS = sameColumns<WorkspaceRow>()([
  'name',
  'title',
  'description',
  'owner',
]);

function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    ...SAME_COLUMNS.fromRow(row),
    driver: row.driver as Workspace['driver'],
    nodeGroups: parseJson<NodeGroup[]>(row.node_groups, []),
    env: envFromColumn(row.env),
    defaultUserQuota: {
      cpu: row.default_quota_cpu_millis / 1000,
      memoryMiB: row.default_quota_memory_mib,
      gpu: row.default_quota_gpu,
    },
    ...fromStampColumns(row),
  };
}

function quotaColumns(quota: ResourceLimits) {
  return {
    default_quota_cpu_millis: Math.round(quota.cpu * 1000),
    default_quota_memory_mib: quota.memoryMiB,
    default_quota_gpu: quota.gpu,
  };
}

/** Availability is worked out from the node groups, never stored. */
const PATCH_COLUMNS: PatchColumns<
  Omit<WorkspacePatch, 'availability'>,
  WorkspaceRow
> = {
  title: 'title',
  description: 'description',
  owner: 'owner',
  nodeGroups: nodeGroups => ({ node_groups: JSON.stringify(nodeGroups) }),
  env: env => ({ env: envToColumn(env) }),
  defaultUserQuota: quotaColumns,
};

/**
 * Workspaces: compute services with node groups, site env and a default
 * user quota.
 *
 * @internal
 */
export class WorkspaceStore extends TableStore<WorkspaceRow, Workspace> {
  constructor(db: Knex) {
    super(db, 'workspaces', toWorkspace);
  }

  async list(options: ListOptions): Promise<ListResult<Workspace>> {
    return listPage<WorkspaceRow, Workspace>(
      this.db('workspaces').select('*'),
      options,
      {
        searchColumns: ['name', 'title', 'description', 'owner'],
        tiebreaker: 'name',
        map: toWorkspace,
      },
    );
  }

  async listAll(): Promise<Workspace[]> {
    const rows = await this.db<WorkspaceRow>('workspaces').orderBy('name');
    return rows.map(toWorkspace);
  }

  async get(name: string): Promise<Workspace | undefined> {
    return this.findOne({ name });
  }

  async create(workspace: NewWorkspace): Promise<Workspace> {
    return this.insertOne({
      ...SAME_COLUMNS.toRow(workspace),
      driver: workspace.driver,
      node_groups: JSON.stringify(workspace.nodeGroups),
      env: envToColumn(workspace.env),
      ...quotaColumns(workspace.defaultUserQuota),
    });
  }

  async update(
    name: string,
    patch: WorkspacePatch,
  ): Promise<Workspace | undefined> {
    return this.updateOne({ name }, patch, PATCH_COLUMNS);
  }

  /** Deletes the workspace with its profiles and quotas. */
  async delete(name: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      await tx('resource_profiles').where({ workspace: name }).delete();
      await tx('quotas').where({ workspace: name }).delete();
      return (await tx('workspaces').where({ name }).delete()) > 0;
    });
  }
}
