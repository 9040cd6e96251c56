import { useMlApi } from './useMlApi';

/**
 * Every file and folder of a project; only while `enabled` (a dialog that
 * is open), loaded again each time it becomes so.
 */
export function useProjectFiles(projectId: string, enabled = true) {
  return useMlApi(
    async api =>
      enabled ? api.listFiles(projectId, { recursive: true }) : undefined,
    [projectId, enabled],
  );
}
