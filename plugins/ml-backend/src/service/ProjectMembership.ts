import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { Project } from '@ml-platform/plugin-ml-common';
import { ProjectService } from './ProjectService';

/**
 * Who may see and who may change a project's things: a public project is
 * readable by every signed-in user; otherwise its owner (a user, or any
 * member of the owning group) and its collaborators read it. Changes need
 * the owner or a collaborator above 'viewer'.
 */
export class ProjectMembership {
  constructor(private readonly deps: { projects: ProjectService }) {}

  private async roleOf(
    project: Project,
    ownershipRefs: string[],
  ): Promise<'owner' | 'viewer' | 'member' | undefined> {
    const refs = new Set(
      ownershipRefs.map(ref => ref.toLocaleLowerCase('en-US')),
    );
    if (refs.has(project.owner.toLocaleLowerCase('en-US'))) return 'owner';
    const collaborators = await this.deps.projects.listCollaborators(
      project.id,
    );
    const mine = collaborators.filter(c =>
      refs.has(c.subject.toLocaleLowerCase('en-US')),
    );
    if (mine.some(c => c.role !== 'viewer')) return 'member';
    return mine.length > 0 ? 'viewer' : undefined;
  }

  /**
   * The project, if the caller may read it. A project they may not read is
   * reported as missing, so its existence does not leak.
   */
  async readable(projectId: string, ownershipRefs: string[] | undefined): Promise<Project> {
    const project = await this.deps.projects.get(projectId);
    // Backend plugins (no ownership refs) read every project.
    if (
      ownershipRefs === undefined ||
      project.visibility === 'public' ||
      (await this.roleOf(project, ownershipRefs))
    ) {
      return project;
    }
    throw new NotFoundError(`No project with id '${projectId}'`);
  }

  /** The project, if the caller may change its things. */
  async writable(projectId: string, ownershipRefs: string[]): Promise<Project> {
    const project = await this.readable(projectId, ownershipRefs);
    const role = await this.roleOf(project, ownershipRefs);
    if (role !== 'owner' && role !== 'member') {
      throw new NotAllowedError(
        'Only the project owner and its collaborators (not viewers) may change this',
      );
    }
    return project;
  }
}
