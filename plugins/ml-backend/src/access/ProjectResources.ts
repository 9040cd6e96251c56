import { Project } from '@ml-platform/plugin-ml-common';
import { MlProjectResource } from '@ml-platform/plugin-ml-node';
import { ProjectStore } from '../database';
import { OwnerGroups } from './OwnerGroups';

/** Loads projects as the permission rules see them. */
export class ProjectResources {
  constructor(
    private readonly deps: { projects: ProjectStore; ownerGroups: OwnerGroups },
  ) {}

  /**
   * The project with its collaborators; with its owner groups only when
   * asked (they cost a catalog lookup and only one rule reads them).
   */
  async resource(
    project: Project,
    options: { ownerGroups: boolean },
  ): Promise<MlProjectResource> {
    const [collaborators, ownerGroups] = await Promise.all([
      this.deps.projects.listCollaborators(project.id),
      options.ownerGroups
        ? this.deps.ownerGroups.ownerGroups(project.owner)
        : Promise.resolve([]),
    ]);
    return { ...project, collaborators, ownerGroups };
  }

  /** For the permission framework's apply-conditions calls: by project id. */
  async byRefs(refs: string[]): Promise<Array<MlProjectResource | undefined>> {
    return Promise.all(
      refs.map(async ref => {
        const project = await this.deps.projects
          .get(ref)
          .catch(() => undefined);
        return project && this.resource(project, { ownerGroups: true });
      }),
    );
  }
}
