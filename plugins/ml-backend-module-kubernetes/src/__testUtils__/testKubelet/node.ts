import type { V1Lease, V1Node, V1NodeCondition } from '@kubernetes/client-node';
import { Json } from '../../client/json';
import { isoSeconds, microTime } from './podStatuses';

/** Node capacity: CPU, memory, pods and optionally GPUs. */
export interface NodeCapacity {
  cpu: string;
  memory: string;
  pods: string;
  gpu?: string;
}

/** A healthy node's conditions, heartbeat now. */
export function nodeConditions(): Json<V1NodeCondition>[] {
  const now = isoSeconds();
  const condition = (type: string, status: string, reason: string) => ({
    type,
    status,
    reason,
    message: `test kubelet: ${reason}`,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
  });
  return [
    condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory'),
    condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure'),
    condition('PIDPressure', 'False', 'KubeletHasSufficientPID'),
    condition('Ready', 'True', 'KubeletReady'),
  ];
}

/** The Node a kubelet registers, with its log endpoint on loopback. */
export function nodeManifest(
  name: string,
  capacity: NodeCapacity,
  kubeletPort: number,
): Json<V1Node> {
  const resources: Record<string, string> = {
    cpu: capacity.cpu,
    memory: capacity.memory,
    pods: capacity.pods,
  };
  if (capacity.gpu) resources['nvidia.com/gpu'] = capacity.gpu;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
      },
    },
    spec: {},
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: nodeConditions(),
      // Only an InternalIP: the apiserver reaches the log endpoint there.
      addresses: [{ type: 'InternalIP', address: '127.0.0.1' }],
      daemonEndpoints: { kubeletEndpoint: { Port: kubeletPort } },
      nodeInfo: {
        machineID: 'ml-test',
        systemUUID: 'ml-test',
        bootID: 'ml-test',
        kernelVersion: 'test',
        osImage: 'test kubelet',
        containerRuntimeVersion: 'test://0',
        kubeletVersion: 'v1.20.2',
        kubeProxyVersion: 'v1.20.2',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/** The node's Lease, renewed now. */
export function leaseSpec(nodeName: string): Json<V1Lease>['spec'] {
  return {
    holderIdentity: nodeName,
    leaseDurationSeconds: 40,
    renewTime: microTime(),
  };
}
