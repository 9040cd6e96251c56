import { LoggerService } from '@backstage/backend-plugin-api';
import { Workspace } from '@ml-platform/plugin-ml-common';
import { ComputeDriver } from '@ml-platform/plugin-ml-node';
import { StoredWorkload, WorkspaceStore } from '../../database';

const MAX_CHARS = 1000;
const TAIL_BYTES = 64 * 1024;

/**
 * The last non-empty line a workload's attempt printed: the build checker and
 * the model server end with the reason they failed.
 */
export async function lastLogLine(
  deps: {
    workspaces: WorkspaceStore;
    driverFor: (workspace: Workspace) => ComputeDriver;
    logger: LoggerService;
  },
  w: StoredWorkload,
): Promise<string | undefined> {
  try {
    const workspace = await deps.workspaces.get(w.workspace);
    if (!workspace) return undefined;
    let last: string | undefined;
    // The reason is at the end: reading the last bytes is enough.
    const read = {
      follow: false,
      tail: { bytes: TAIL_BYTES, skipped: () => {} },
    };
    for await (const line of deps
      .driverFor(workspace)
      .logs({ workloadId: w.id, attempt: w.attempt }, read)) {
      if (line.trim()) last = line.trim();
    }
    return last?.slice(0, MAX_CHARS);
  } catch (error) {
    deps.logger.warn(`Could not read the log of workload ${w.id}: ${error}`);
    return undefined;
  }
}
