import {
  explainNoFit,
  fitsSomeNode,
  largestNode,
  maximumCapacity,
  minimumCapacity,
} from './capacity';

const groups = [
  {
    name: 'cpu',
    cpu: 4,
    memoryMiB: 16384,
    gpu: 0,
    minNodes: 1,
    maxNodes: 3,
    scaleUpDelaySeconds: 30,
  },
  {
    name: 'gpu',
    cpu: 8,
    memoryMiB: 32768,
    gpu: 1,
    minNodes: 0,
    maxNodes: 2,
    scaleUpDelaySeconds: 60,
  },
];

describe('capacity', () => {
  it('sums current and maximum capacity over node groups', () => {
    expect(minimumCapacity(groups)).toEqual({
      cpu: 4,
      memoryMiB: 16384,
      gpu: 0,
    });
    expect(maximumCapacity(groups)).toEqual({
      cpu: 28,
      memoryMiB: 114688,
      gpu: 2,
    });
    expect(largestNode(groups)).toEqual({ cpu: 8, memoryMiB: 32768, gpu: 1 });
  });

  it('checks a request against single nodes, not the sum', () => {
    expect(fitsSomeNode({ cpu: 8, memoryMiB: 1024, gpu: 1 }, groups)).toBe(
      true,
    );
    // 4 vCPU + 1 GPU fits the gpu group; 10 vCPU fits no single node.
    expect(fitsSomeNode({ cpu: 4, memoryMiB: 1024, gpu: 1 }, groups)).toBe(
      true,
    );
    expect(fitsSomeNode({ cpu: 10, memoryMiB: 1024, gpu: 0 }, groups)).toBe(
      false,
    );
    // A GPU request never fits a CPU-only workspace.
    expect(fitsSomeNode({ cpu: 1, memoryMiB: 1024, gpu: 1 }, [groups[0]])).toBe(
      false,
    );
  });

  it('explains a refusal with the node sizes', () => {
    expect(
      explainNoFit({ cpu: 10, memoryMiB: 2048, gpu: 0 }, [groups[0]]),
    ).toBe(
      '10 vCPU, 2 GiB fits no node of this workspace: cpu (4 vCPU, 16 GiB per node)',
    );
  });
});
