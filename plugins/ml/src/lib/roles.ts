import {
  CollaboratorRole,
  ProjectVisibility,
} from '@ml-platform/plugin-ml-common';

/** What each project role may do, one line each, weakest first (CML's roles). */
export const ROLE_DESCRIPTIONS: Record<CollaboratorRole, string> = {
  viewer:
    'Reads the project: files, sessions, jobs and their logs, models, applications.',
  operator:
    'Also starts and stops job runs, applications and model deployments.',
  contributor:
    'Also changes files, sessions and their console, jobs, models, builds, access keys and applications.',
  admin:
    'Also changes the settings and collaborators, and may delete the project.',
};

/** Who may see a project of each visibility, one line each. */
export const VISIBILITY_DESCRIPTIONS: Record<ProjectVisibility, string> = {
  private: 'The owner and collaborators.',
  team: "Also the members of the owner's groups.",
  public: 'Every signed-in user may read it.',
};

/** The visibilities in the order a select offers them. */
export const VISIBILITIES: readonly ProjectVisibility[] = [
  'private',
  'team',
  'public',
];

/** Helper text for the team role: only a group owner gives it to anyone. */
export const TEAM_ROLE_HELP =
  'The role members of the owning group get; only used when a group owns the project.';

/** Whether an owner ref names a group (and so the team role applies). */
export function isGroupRef(ref: string): boolean {
  return ref.toLocaleLowerCase('en-US').startsWith('group:');
}
