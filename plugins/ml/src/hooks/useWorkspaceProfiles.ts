import { ResourceProfile } from '@ml-platform/plugin-ml-common';
import { useMlApi } from './useMlApi';

/** Smallest first, so that a default of the first is the cheapest. */
export function smallestFirst(profiles: ResourceProfile[]): ResourceProfile[] {
  return [...profiles].sort(
    (a, b) => a.cpu - b.cpu || a.memoryMiB - b.memoryMiB || a.gpu - b.gpu,
  );
}

/**
 * A workspace's resource profiles by name; only while `enabled` (a dialog
 * that is open), loaded again each time it becomes so.
 */
export function useWorkspaceProfiles(workspace: string, enabled = true) {
  return useMlApi(
    async api =>
      enabled
        ? (await api.listProfiles(workspace, { sort: '+name', pageSize: 100 }))
            .items
        : undefined,
    [workspace, enabled],
  );
}
