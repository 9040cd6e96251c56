import { ResourceLimits, formatMemory } from '@ml-platform/plugin-ml-common';
import { MlProjectQuota } from '../api';
import { formatVcpu } from './resources';

/** Whether a request fits what is left of a quota now, and if not, why. */
export interface QuotaFit {
  fits: boolean;
  /** "fits", or "would wait: needs 2 vCPU, 1 left". */
  text: string;
}

function trim(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Compares a profile with the quota left (limit − used). Only the quota is
 * checked: a request that fits may still queue for capacity.
 */
export function quotaFit(
  request: ResourceLimits,
  quota: MlProjectQuota | undefined,
): QuotaFit {
  const limit = quota?.limit;
  if (!quota || !limit) {
    return { fits: true, text: 'fits (no quota applies)' };
  }
  const left = {
    cpu: Math.max(0, limit.cpu - quota.used.cpu),
    memoryMiB: Math.max(0, limit.memoryMiB - quota.used.memoryMiB),
    gpu: Math.max(0, limit.gpu - quota.used.gpu),
  };
  const shortfalls: string[] = [];
  if (request.cpu > left.cpu) {
    shortfalls.push(`needs ${formatVcpu(request.cpu)}, ${trim(left.cpu)} left`);
  }
  if (request.memoryMiB > left.memoryMiB) {
    shortfalls.push(
      `needs ${formatMemory(request.memoryMiB)} memory, ${formatMemory(
        left.memoryMiB,
      )} left`,
    );
  }
  if (request.gpu > left.gpu) {
    shortfalls.push(`needs ${request.gpu} GPU, ${left.gpu} left`);
  }
  return shortfalls.length === 0
    ? { fits: true, text: 'fits' }
    : { fits: false, text: `would wait: ${shortfalls.join('; ')}` };
}
