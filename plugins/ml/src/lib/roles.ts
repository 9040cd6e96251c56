import {
  COLLABORATOR_ROLES,
  CollaboratorRole,
  ProjectVisibility,
} from '@ml-platform/plugin-ml-common';

/** What each project role may do, one line each (CML's roles). */
export const ROLE_DESCRIPTIONS: Record<CollaboratorRole, string> = {
  viewer:
    'reads the project: files, sessions, jobs and their logs, models, applications',
  operator:
    'also starts and stops job runs, applications and model deployments',
  contributor:
    'also changes files, sessions and their console, jobs, models, builds, access keys and applications',
  admin:
    'also changes the settings and collaborators, and may delete the project',
};

/** Who may see a project of each visibility, one line each. */
export const VISIBILITY_DESCRIPTIONS: Record<ProjectVisibility, string> = {
  private: 'the owner and collaborators',
  team: "also the members of the owner's groups",
  public: 'every signed-in user may read it',
};

/** The visibilities in the order a select offers them. */
export const VISIBILITIES: readonly ProjectVisibility[] = [
  'private',
  'team',
  'public',
];

/** The roles as a select offers them. */
export const ROLE_OPTIONS = COLLABORATOR_ROLES.map(role => ({
  value: role,
  label: role,
}));

/** The visibilities as a select offers them, each saying who sees it. */
export const VISIBILITY_OPTIONS = VISIBILITIES.map(v => ({
  value: v,
  label: describeVisibility(v),
}));

/** "role: what it may do", for a role's option or its helper text. */
export function describeRole(role: CollaboratorRole): string {
  return `${role}: ${ROLE_DESCRIPTIONS[role]}`;
}

/** "visibility: who sees it", for an option of a visibility select. */
export function describeVisibility(visibility: ProjectVisibility): string {
  return `${visibility}: ${VISIBILITY_DESCRIPTIONS[visibility]}`;
}

/** Whether an owner ref names a group (and so the team role applies). */
export function isGroupRef(ref: string): boolean {
  return ref.toLocaleLowerCase('en-US').startsWith('group:');
}

/** Helper text of a team role select for a project of this owner. */
export function teamRoleHelp(owner: string, role: CollaboratorRole): string {
  return isGroupRef(owner)
    ? `Members of ${owner} get this role; ${describeRole(role)}.`
    : 'The role members of the owning group get; only used when a group owns the project.';
}
