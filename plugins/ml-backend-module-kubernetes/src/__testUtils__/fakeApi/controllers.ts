import type { V1Job, V1Pod, V1ResourceQuota } from '@kubernetes/client-node';
import { Json } from '../../client/json';
import { cpuInUse } from './admission';
import { ObjectStore } from './ObjectStore';
import { StoredObject } from './resources';

/** A Job controller in one function: the pod a new Job gets. */
export function jobPod(job: Json<V1Job>): Json<V1Pod> {
  const template = job.spec?.template;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${job.metadata?.name}-abcde`,
      namespace: job.metadata?.namespace,
      labels: {
        ...template?.metadata?.labels,
        'job-name': job.metadata?.name ?? '',
      },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: job.metadata?.name ?? '',
          uid: job.metadata?.uid ?? '',
          controller: true,
        },
      ],
    },
    spec: template?.spec,
    status: { phase: 'Pending' },
  };
}

/** ResourceQuotas get their status as the quota controller would keep it. */
export function withControllerStatus(
  store: ObjectStore,
  resource: string,
  object: StoredObject,
): StoredObject {
  if (resource !== 'resourcequotas') return object;
  const quota = object as Json<V1ResourceQuota>;
  const cpu = cpuInUse(store, quota.metadata?.namespace ?? '');
  const decorated: Json<V1ResourceQuota> = {
    ...quota,
    status: {
      hard: quota.spec?.hard,
      used: { 'requests.cpu': `${Math.round(cpu * 1000)}m` },
    },
  };
  return decorated;
}
