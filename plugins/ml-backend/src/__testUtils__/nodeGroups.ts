import { NodeGroup } from '@ml-platform/plugin-ml-common';

/** The node group of the engine tests: up to two 4-vCPU, 16 GiB nodes. */
export const GROUP: NodeGroup = {
  name: 'standard',
  cpu: 4,
  memoryMiB: 16384,
  gpu: 0,
  minNodes: 1,
  maxNodes: 2,
  scaleUpDelaySeconds: 20,
};
