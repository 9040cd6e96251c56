import { invalidParameter } from '../MlflowError';
import { KeyValue } from './types';

/**
 * The tags the platform writes itself: which project an experiment or run
 * belongs to, and which workload made a run. Clients may read and search
 * them, never set them.
 */
export const PLATFORM_TAG = {
  projectId: 'ml.project_id',
  workloadId: 'ml.workload_id',
  jobId: 'ml.job_id',
} as const;

const PLATFORM_PREFIX = 'ml.';

/** The project a client names for a new experiment with the tag. */
export function taggedProjectId(tags: KeyValue[]): string | undefined {
  return tags.find(t => t.key === PLATFORM_TAG.projectId)?.value;
}

export function refusePlatformTags(tags: KeyValue[]) {
  const platform = tags.find(t => t.key.startsWith(PLATFORM_PREFIX));
  if (platform) {
    throw invalidParameter(
      `Tag '${platform.key}' is set by the ML platform: tags starting with '${PLATFORM_PREFIX}' cannot be set or deleted`,
    );
  }
}
