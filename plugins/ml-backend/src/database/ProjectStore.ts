import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import {
  Collaborator,
  CollaboratorRole,
  Project,
  ProjectVisibility,
} from '@ml-platform/plugin-ml-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { MlProjectFilter } from '@ml-platform/plugin-ml-node';
import { envFromColumn, envToColumn } from './envColumn';
import {
  ListOptions,
  ListResult,
  listPage,
  nowIso,
  STAMP_SORT_FIELDS,
} from './listing';
import { whereProjectMatches } from './projectAccessFilter';
import {
  IdTableStore,
  PatchColumns,
  fromStampColumns,
  sameColumns,
} from './rows';

type ProjectRow = {
  id: string;
  workspace: string;
  name: string;
  title: string;
  description: string;
  owner: string;
  visibility: string;
  team_role: string;
  env: string;
  template_ref: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

type CollaboratorRow = {
  project_id: string;
  subject: string;
  role: string;
  added_at: string;
};

/** @internal */
export type NewProject = Omit<Project, 'id' | 'createdAt' | 'updatedAt'>;

/** @internal */
export type ProjectPatch = Partial<
  Pick<
    Project,
    'title' | 'description' | 'owner' | 'visibility' | 'teamRole' | 'env'
  >
>;

/** @internal */
export const PROJECT_SORT_FIELDS = [
  'name',
  'title',
  'owner',
  'workspace',
  ...STAMP_SORT_FIELDS,
];

const PATCH_COLUMNS: PatchColumns<ProjectPatch, ProjectRow> = {
  title: 'title',
  description: 'description',
  owner: 'owner',
  visibility: 'visibility',
  teamRole: 'team_role',
  env: env => ({ env: envToColumn(env) }),
};

/** The columns that hold a field of the project as it is. */
const SAME_COLUMNS = sameColumns<ProjectRow>()(
  ['id', 'workspace', 'name', 'title', 'description', 'owner', 'created_by'],
  ['template_ref'],
);

function toProject(row: ProjectRow): Project {
  return {
    ...SAME_COLUMNS.fromRow(row),
    visibility: row.visibility as ProjectVisibility,
    teamRole: (row.team_role ?? 'contributor') as CollaboratorRole,
    env: envFromColumn(row.env),
    ...fromStampColumns(row),
  };
}

function toCollaborator(row: CollaboratorRow): Collaborator {
  return {
    subject: row.subject,
    role: row.role as CollaboratorRole,
    addedAt: row.added_at,
  };
}

/**
 * Projects and their collaborators.
 *
 * @internal
 */
export class ProjectStore extends IdTableStore<ProjectRow, Project> {
  constructor(db: Knex) {
    super(db, 'projects', toProject);
  }

  /**
   * A page of projects; `readable` narrows it to the projects a caller may
   * read (from the permission framework's conditions).
   */
  async list(
    options: ListOptions & {
      workspace?: string;
      owner?: string;
      readable?: PermissionCriteria<MlProjectFilter>;
    },
  ): Promise<ListResult<Project>> {
    let query = this.db('projects').select('projects.*');
    if (options.workspace)
      query = query.where({ workspace: options.workspace });
    if (options.owner) query = query.where({ owner: options.owner });
    if (options.readable) query = whereProjectMatches(query, options.readable);
    return listPage<ProjectRow, Project>(query, options, {
      searchColumns: ['name', 'title', 'description', 'owner'],
      tiebreaker: 'id',
      map: toProject,
    });
  }

  /**
   * The ids of the projects that match `readable` (all without it), or of
   * those among them with that name.
   */
  async ids(
    readable?: PermissionCriteria<MlProjectFilter>,
    name?: string,
  ): Promise<string[]> {
    let query = this.db('projects').select('projects.id');
    if (name !== undefined) query = query.where({ name });
    if (readable) query = whereProjectMatches(query, readable);
    return (await query).map((row: { id: string }) => row.id);
  }

  async countInWorkspace(workspace: string): Promise<number> {
    const [{ count }] = await this.db('projects')
      .where({ workspace })
      .count<{ count: number | string }[]>({ count: '*' });
    return Number(count);
  }

  async findByName(
    workspace: string,
    name: string,
  ): Promise<Project | undefined> {
    return this.findOne({ workspace, name });
  }

  async create(project: NewProject): Promise<Project> {
    return this.insertOne({
      ...SAME_COLUMNS.toRow({ ...project, id: uuid() }),
      visibility: project.visibility,
      team_role: project.teamRole,
      env: envToColumn(project.env),
    });
  }

  async update(id: string, patch: ProjectPatch): Promise<Project | undefined> {
    return this.updateOne({ id }, patch, PATCH_COLUMNS);
  }

  async delete(id: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      await tx('project_collaborators').where({ project_id: id }).delete();
      return (await tx('projects').where({ id }).delete()) > 0;
    });
  }

  async listCollaborators(projectId: string): Promise<Collaborator[]> {
    const rows = await this.db<CollaboratorRow>('project_collaborators')
      .where({ project_id: projectId })
      .orderBy('subject');
    return rows.map(toCollaborator);
  }

  /** Adds the collaborator or changes its role; keeps the original date. */
  async putCollaborator(
    projectId: string,
    subject: string,
    role: CollaboratorRole,
  ): Promise<Collaborator> {
    await this.db('project_collaborators')
      .insert({ project_id: projectId, subject, role, added_at: nowIso() })
      .onConflict(['project_id', 'subject'])
      .merge(['role']);
    const row = await this.db<CollaboratorRow>('project_collaborators')
      .where({ project_id: projectId, subject })
      .first();
    return toCollaborator(row!);
  }

  async deleteCollaborator(
    projectId: string,
    subject: string,
  ): Promise<boolean> {
    const deleted = await this.db('project_collaborators')
      .where({ project_id: projectId, subject })
      .delete();
    return deleted > 0;
  }
}
