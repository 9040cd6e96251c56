import {
  Project,
  ResourceProfile,
  Runtime,
} from '@ml-platform/plugin-ml-common';
import { useMlApi } from './useMlApi';
import { useProjectFiles } from './useProjectFiles';
import { smallestFirst, useWorkspaceProfiles } from './useWorkspaceProfiles';

export interface ModelChoices {
  /** Files of the project, Python files first. */
  files: string[];
  /** Runtimes new builds may use. */
  runtimes: Runtime[];
  /** Smallest first: the default is the cheapest. */
  profiles: ResourceProfile[];
  error?: Error;
}

/**
 * What a select of the choices shows: the picked value while it is still
 * offered, else the first offered ('' while nothing is).
 */
export function offeredOrFirst(picked: string, offered: string[]): string {
  return picked && offered.includes(picked) ? picked : offered[0] ?? '';
}

const isPython = (path: string) => (path.endsWith('.py') ? 0 : 1);

/** What the build and deploy dialogs offer, loaded while one is open. */
export function useModelChoices(project: Project, open: boolean): ModelChoices {
  const files = useProjectFiles(project.id, open);
  const profiles = useWorkspaceProfiles(project.workspace, open);
  const runtimes = useMlApi(
    async api =>
      open
        ? (await api.listRuntimes({ enabled: true, pageSize: 500 })).items
        : undefined,
    [open],
  );
  return {
    files: (files.value ?? [])
      .filter(f => f.type === 'file')
      .map(f => f.path)
      .sort((a, b) => isPython(a) - isPython(b) || a.localeCompare(b)),
    runtimes: (runtimes.value ?? []).filter(r => r.enabled),
    profiles: smallestFirst(profiles.value ?? []),
    error: files.error ?? runtimes.error ?? profiles.error,
  };
}
