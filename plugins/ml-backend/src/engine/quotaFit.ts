import { ResourceLimits } from '@ml-platform/plugin-ml-common';
import { describeSubject } from './admission';

// Admission compares vCPU sums with the same slack (float rounding of 0.1s).
const EPSILON = 1e-9;

/**
 * Why `request` can never be admitted under `limit`, the whole quota of
 * `subject`: it asks more of some resource than the quota has in all.
 * Undefined when it fits (it may still wait for quota in use).
 */
export function explainOverQuota(
  request: ResourceLimits,
  subject: string,
  limit: ResourceLimits,
): string | undefined {
  const who = describeSubject(subject);
  const never = 'so it could never start';
  if (request.cpu > limit.cpu + EPSILON) {
    return `this needs ${request.cpu} vCPU, more than the whole quota of ${who} (${limit.cpu} vCPU), ${never}`;
  }
  if (request.memoryMiB > limit.memoryMiB) {
    return `this needs ${request.memoryMiB} MiB memory, more than the whole quota of ${who} (${limit.memoryMiB} MiB), ${never}`;
  }
  if (request.gpu > limit.gpu) {
    return `this needs ${request.gpu} GPU, more than the whole quota of ${who} (${limit.gpu} GPU), ${never}`;
  }
  return undefined;
}
