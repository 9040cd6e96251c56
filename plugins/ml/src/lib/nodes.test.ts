import { nodeName, placedNodeName } from './nodes';

const node = { id: 'a1b2c3d4-0000-4000-8000-000000000001', group: 'gpu' };

describe('node names', () => {
  it('names a node by its group and the start of its id', () => {
    expect(nodeName(node)).toBe('gpu-a1b2c');
    expect(nodeName({ id: 'ab-cdef', group: 'cpu' })).toBe('cpu-abcde');
  });

  it("names a workload's node from the workspace's nodes, or by its id once the node is gone", () => {
    expect(placedNodeName(node.id, [node])).toBe('gpu-a1b2c');
    expect(placedNodeName(node.id, [])).toBe('a1b2c3d4');
  });
});
