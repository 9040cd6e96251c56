import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Collaborator,
  CollaboratorRole,
  Project,
} from '@ml-platform/plugin-ml-common';
import { ProjectInput, ProjectUpdate } from '../apiInputs';
import { ProjectListAccess } from '../access/ProjectAccess';
import { ListOptions, ListResult, ProjectStore } from '../database';
import { createUnique } from '../database/errors';
import { EnvSecrets } from '../secrets/EnvSecrets';
import { PlatformEvents } from '../engine/PlatformEvents';
import { WorkloadEngine } from '../engine/WorkloadEngine';
import { ProjectFiles } from './ProjectFiles';
import { WorkspaceService } from '../platform/WorkspaceService';

function starterReadme(project: {
  title: string;
  description: string;
}): string {
  return `# ${project.title}\n\n${
    project.description || 'A new ML project.'
  }\n`;
}

/**
 * Projects: files + env + collaborators in a workspace, owned by a user or a
 * team.
 */
export class ProjectService {
  constructor(
    private readonly deps: {
      projects: ProjectStore;
      workspaces: WorkspaceService;
      files: ProjectFiles;
      /** Seals the project env's secrets before they are stored. */
      secrets: Pick<EnvSecrets, 'seal'>;
      /** Stops a project's work through the engine (which releases its quota). */
      engine: Pick<WorkloadEngine, 'stopAllOfProject'>;
      /** Tells the other features `projectDeleting` and `projectDeleted`. */
      events: PlatformEvents;
    },
  ) {}

  /** A page of the projects the caller may read (`access`). */
  list(
    options: ListOptions & { workspace?: string; owner?: string },
    access: ProjectListAccess,
  ): Promise<ListResult<Project>> {
    if ('none' in access) {
      return Promise.resolve({ items: [], totalSize: 0 });
    }
    return this.deps.projects.list({
      ...options,
      readable: 'criteria' in access ? access.criteria : undefined,
    });
  }

  async get(id: string): Promise<Project> {
    const project = await this.deps.projects.get(id);
    if (!project) {
      throw new NotFoundError(`No project with id '${id}'`);
    }
    return project;
  }

  /**
   * Creates the project and its folder. `files` seed the folder (a template's
   * output); without them the project starts with a README.
   */
  async create(
    input: ProjectInput,
    actor: string,
    files?: Record<string, string | Buffer>,
  ): Promise<Project> {
    await this.deps.workspaces.get(input.workspace);
    const conflict = new ConflictError(
      `A project named '${input.name}' already exists in workspace '${input.workspace}'`,
    );
    const project = await createUnique(
      conflict,
      () => this.deps.projects.findByName(input.workspace, input.name),
      async () =>
        this.deps.projects.create({
          workspace: input.workspace,
          name: input.name,
          title: input.title ?? input.name,
          description: input.description,
          owner: input.owner ?? actor,
          visibility: input.visibility,
          teamRole: input.teamRole ?? 'contributor',
          env: await this.deps.secrets.seal(input.env),
          templateRef: input.templateRef,
          createdBy: actor,
        }),
    );
    // Whoever creates a project for a group keeps running it, whatever the
    // team role gives the group's other members.
    if (
      project.owner.toLocaleLowerCase('en-US') !==
      actor.toLocaleLowerCase('en-US')
    ) {
      await this.deps.projects.putCollaborator(project.id, actor, 'admin');
    }
    try {
      await this.deps.files.init(
        project.id,
        files ?? { 'README.md': starterReadme(project) },
      );
    } catch (error) {
      // A project without its folder would be half made: undo the row.
      await this.deps.projects.delete(project.id);
      await this.deps.files.remove(project.id);
      throw error;
    }
    return project;
  }

  /** `{ secret: true }` in `env` keeps the secret stored under that name. */
  async update(id: string, patch: ProjectUpdate): Promise<Project> {
    const env =
      patch.env &&
      (await this.deps.secrets.seal(patch.env, (await this.get(id)).env));
    const updated = await this.deps.projects.update(id, { ...patch, env });
    if (!updated) {
      throw new NotFoundError(`No project with id '${id}'`);
    }
    return updated;
  }

  /**
   * Deletes a project: what would start more work first (`projectDeleting`;
   * a listener that fails stops the deletion), then every running or queued
   * workload of it through the engine (so its quota is released), then the
   * project (`projectDeleted` once it is gone).
   */
  async delete(id: string): Promise<void> {
    const project = await this.get(id);
    await this.deps.events.emit('projectDeleting', id);
    const reason = 'its project was deleted';
    await this.deps.engine.stopAllOfProject(id, reason);
    if (!(await this.deps.projects.delete(id))) {
      throw new NotFoundError(`No project with id '${id}'`);
    }
    // A trigger that read the project just before it went (a cron tick, a
    // dependent job) may have queued one more run.
    await this.deps.engine.stopAllOfProject(id, reason);
    await this.deps.events.emit('projectDeleted', project);
    await this.deps.files.remove(id);
  }

  async listCollaborators(id: string): Promise<Collaborator[]> {
    await this.get(id);
    return this.deps.projects.listCollaborators(id);
  }

  async putCollaborator(
    id: string,
    subject: string,
    role: CollaboratorRole,
  ): Promise<Collaborator> {
    await this.get(id);
    return this.deps.projects.putCollaborator(id, subject, role);
  }

  async deleteCollaborator(id: string, subject: string): Promise<void> {
    await this.get(id);
    if (!(await this.deps.projects.deleteCollaborator(id, subject))) {
      throw new NotFoundError(
        `${subject} is not a collaborator of this project`,
      );
    }
  }
}
