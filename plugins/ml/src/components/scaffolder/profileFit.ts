import { ResourceProfile, Workspace } from '@ml-platform/plugin-ml-common';

/**
 * Whether work of this profile can run in the workspace at all: some node
 * group has nodes at least this big. A profile larger than every node would
 * queue forever, so templates do not offer it.
 */
export function profileFitsWorkspace(
  profile: ResourceProfile,
  workspace: Workspace,
): boolean {
  return workspace.nodeGroups.some(
    group =>
      group.maxNodes > 0 &&
      group.cpu >= profile.cpu &&
      group.memoryMiB >= profile.memoryMiB &&
      (group.gpu ?? 0) >= profile.gpu,
  );
}

/** The profiles that fit, smallest first (so the first one is a safe default). */
export function profilesThatFit(
  profiles: ResourceProfile[],
  workspace: Workspace,
): ResourceProfile[] {
  return profiles
    .filter(p => profileFitsWorkspace(p, workspace))
    .sort(
      (a, b) => a.cpu - b.cpu || a.memoryMiB - b.memoryMiB || a.gpu - b.gpu,
    );
}
