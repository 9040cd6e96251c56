import { useApi } from '@backstage/core-plugin-api';
import {
  Project,
  ResourceProfile,
  Runtime,
} from '@ml-platform/plugin-ml-common';
import useAsync from 'react-use/esm/useAsync';
import { mlApiRef } from '../api';

export interface ModelChoices {
  /** Files of the project, Python files first. */
  files: string[];
  /** Runtimes new builds may use. */
  runtimes: Runtime[];
  /** Smallest first: the default is the cheapest. */
  profiles: ResourceProfile[];
  error?: Error;
}

/** What the build and deploy dialogs offer, loaded while one is open. */
export function useModelChoices(project: Project, open: boolean): ModelChoices {
  const api = useApi(mlApiRef);
  const { value, error } = useAsync(async () => {
    if (!open) {
      return undefined;
    }
    const [files, runtimes, profiles] = await Promise.all([
      api.listFiles(project.id, { recursive: true }),
      api.listRuntimes({ enabled: true, pageSize: 500 }),
      api.listProfiles(project.workspace, { sort: '+name', pageSize: 100 }),
    ]);
    const paths = files.filter(f => f.type === 'file').map(f => f.path);
    const isPython = (p: string) => (p.endsWith('.py') ? 0 : 1);
    return {
      files: paths.sort(
        (a, b) => isPython(a) - isPython(b) || a.localeCompare(b),
      ),
      runtimes: runtimes.items.filter(r => r.enabled),
      profiles: [...profiles.items].sort(
        (a, b) => a.cpu - b.cpu || a.memoryMiB - b.memoryMiB || a.gpu - b.gpu,
      ),
    };
  }, [api, open, project.id, project.workspace]);
  return {
    files: value?.files ?? [],
    runtimes: value?.runtimes ?? [],
    profiles: value?.profiles ?? [],
    error,
  };
}
