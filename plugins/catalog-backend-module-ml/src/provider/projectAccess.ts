import { Collaborator, Project } from '@ml-platform/plugin-ml-common';
import { MlProjectAccess } from '../entities/accessMarks';

/** What decides who reads a project. */
export interface ProjectAccessInput {
  project: Pick<Project, 'owner' | 'visibility'>;
  collaborators: Pick<Collaborator, 'subject'>[];
  /**
   * The owning group itself for a group-owned project; the groups the owning
   * user belongs to for a user-owned one.
   */
  ownerGroups: string[];
}

/**
 * Who reads a project, as the ML backend's read permission (CML's Viewer)
 * under the portal's policy has it: its owner, its collaborators (users or
 * groups, any role) and, for `team` visibility, the owner's groups.
 * Undefined for a `public` project, which every signed-in user reads.
 * Workspace admins read everything by the policy, not by being listed.
 */
export function projectAccessOf(
  input: ProjectAccessInput,
): MlProjectAccess | undefined {
  const { project } = input;
  if (project.visibility === 'public') {
    return undefined;
  }
  const readers = [
    project.owner,
    ...input.collaborators.map(c => c.subject),
    ...(project.visibility === 'team' ? input.ownerGroups : []),
  ];
  return {
    // An unknown visibility is treated as the narrowest one.
    visibility: project.visibility === 'team' ? 'team' : 'private',
    readers: [
      ...new Set(readers.map(r => r.toLocaleLowerCase('en-US'))),
    ].sort(),
  };
}
