import type { V1ResourceQuota } from '@kubernetes/client-node';
import { ResourceLimits } from '@ml-platform/plugin-ml-common';
import { Json, JsonList } from '../client/json';

/** A Kubernetes quantity ("500m", "2", "1Gi", "1G") as a number (cores, bytes). */
export function parseQuantity(value: string | number | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(value.trim());
  if (!match) return NaN;
  const n = Number(match[1]);
  const factors: Record<string, number> = {
    '': 1,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
  };
  return n * (factors[match[2]] ?? NaN);
}

/**
 * Whether a request fits every ResourceQuota of a namespace (hard minus
 * used); the reason when it does not, in the words of the 403 the
 * apiserver gives a pod.
 */
export function checkQuota(
  list: JsonList<Json<V1ResourceQuota>> | undefined,
  request: ResourceLimits,
): string | undefined {
  const wants: Record<string, number> = {
    'requests.cpu': request.cpu,
    'limits.cpu': request.cpu,
    cpu: request.cpu,
    'requests.memory': request.memoryMiB * 2 ** 20,
    'limits.memory': request.memoryMiB * 2 ** 20,
    memory: request.memoryMiB * 2 ** 20,
    'requests.nvidia.com/gpu': request.gpu,
  };
  for (const quota of list?.items ?? []) {
    const hard = quota.status?.hard ?? quota.spec?.hard ?? {};
    const used = quota.status?.used ?? {};
    for (const [resource, amount] of Object.entries(wants)) {
      if (hard[resource] === undefined || amount === 0) continue;
      const left =
        parseQuantity(hard[resource]) - parseQuantity(used[resource]);
      // A little slack for rounding millicores and MiB.
      if (amount > left + 1e-6) {
        const requested = `${request[profileField(resource)]}${
          resource.includes('memory') ? 'Mi' : ''
        }`;
        return `the cluster quota of namespace ${
          quota.metadata?.namespace
        } is used up: exceeded quota: ${
          quota.metadata?.name
        }, requested: ${resource}=${requested}, used: ${resource}=${
          used[resource] ?? 0
        }, limited: ${resource}=${hard[resource]}`;
      }
    }
  }
  return undefined;
}

/** The field of a resource profile a quota resource counts. */
function profileField(resource: string): keyof ResourceLimits {
  if (resource.includes('cpu')) return 'cpu';
  if (resource.includes('gpu')) return 'gpu';
  return 'memoryMiB';
}
