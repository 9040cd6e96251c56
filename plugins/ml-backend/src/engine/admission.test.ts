import { GROUP } from '../__testUtils__/nodeGroups';
import { AdmissionInput, NodeSlot, QueuedWorkload, admit } from './admission';

const node = (id: string, cpuUsed = 0): NodeSlot => ({
  id,
  group: 'standard',
  capacity: { cpu: 4, memoryMiB: 16384, gpu: 0 },
  allocated: { cpu: cpuUsed, memoryMiB: cpuUsed * 1024, gpu: 0 },
});
const job = (
  id: string,
  cpu: number,
  subject = 'user:default/jane',
  queuedAtMs = 0,
): QueuedWorkload => ({
  id,
  subject,
  request: { cpu, memoryMiB: cpu * 1024, gpu: 0 },
  queuedAtMs,
});

function run(partial: Partial<AdmissionInput>) {
  return admit({
    nowMs: 1000,
    queued: [],
    usageBySubject: new Map(),
    limitFor: () => undefined,
    nodes: [node('n1')],
    groups: [GROUP],
    starvationMs: 60_000,
    ...partial,
  });
}

describe('admit', () => {
  it('admits in order while nodes have room', () => {
    const result = run({ queued: [job('a', 2), job('b', 2)] });
    expect(result.decisions).toEqual([
      { kind: 'admit', workloadId: 'a', nodeId: 'n1' },
      { kind: 'admit', workloadId: 'b', nodeId: 'n1' },
    ]);
    expect(result.newNodes).toEqual([]);
  });

  it('charges quota per subject and explains a refusal', () => {
    const result = run({
      queued: [job('a', 4, 'group:default/ml-research')],
      usageBySubject: new Map([
        ['group:default/ml-research', { cpu: 6, memoryMiB: 0, gpu: 0 }],
      ]),
      limitFor: s =>
        s === 'group:default/ml-research'
          ? { cpu: 8, memoryMiB: 1e6, gpu: 0 }
          : undefined,
    });
    expect(result.decisions).toEqual([
      {
        kind: 'wait',
        workloadId: 'a',
        position: 1,
        reason: 'team ml-research uses 6 of 8 vCPU; this needs 4',
      },
    ]);
  });

  it('does not let a blocked head block smaller work behind it', () => {
    const result = run({
      nodes: [node('n1', 3)],
      groups: [{ ...GROUP, maxNodes: 1 }],
      queued: [job('big', 4), job('small', 1)],
    });
    expect(result.decisions).toEqual([
      expect.objectContaining({ kind: 'wait', workloadId: 'big', position: 1 }),
      { kind: 'admit', workloadId: 'small', nodeId: 'n1' },
    ]);
    expect((result.decisions[0] as any).reason).toBe(
      'the workspace is at its maximum size; this needs 4 vCPU, 4 GiB, the most free on one node is 1 vCPU, 13 GiB',
    );
  });

  it('stops backfilling behind work that has waited too long, so it cannot starve', () => {
    const result = run({
      nowMs: 120_000,
      nodes: [node('n1', 3)],
      groups: [{ ...GROUP, maxNodes: 1 }],
      queued: [
        job('big', 4, 'user:default/a', 0),
        job('small', 1, 'user:default/b', 100_000),
      ],
    });
    expect(result.decisions.map(d => d.kind)).toEqual(['wait', 'wait']);
    expect((result.decisions[1] as any).reason).toContain(
      'waited too long for capacity',
    );
  });

  it('bounds starvation inside one quota too', () => {
    const limit = { cpu: 4, memoryMiB: 1e6, gpu: 0 };
    const usage = new Map([
      ['user:default/a', { cpu: 3, memoryMiB: 0, gpu: 0 }],
    ]);
    const at = (nowMs: number) =>
      run({
        nowMs,
        usageBySubject: usage,
        limitFor: () => limit,
        queued: [
          job('big', 2, 'user:default/a', 0),
          job('small', 1, 'user:default/a', 0),
        ],
      });
    const young = at(1000);
    expect(young.decisions.map(d => d.kind)).toEqual(['wait', 'admit']);
    const old = at(61_000);
    expect(old.decisions.map(d => d.kind)).toEqual(['wait', 'wait']);
    expect((old.decisions[1] as any).reason).toBe(
      'waiting behind older work of user a that has waited too long',
    );
  });

  it('scales up when nothing fits and counts on the new node for later work', () => {
    const result = run({
      nodes: [node('n1', 4)],
      queued: [job('a', 2), job('b', 2), job('c', 2)],
    });
    expect(result.newNodes).toEqual([{ group: 'standard', readyAtMs: 21_000 }]);
    expect(
      result.decisions.map(d => (d.kind === 'wait' ? d.reason : 'admit')),
    ).toEqual([
      'scaling up node group standard: a new node is ready in ~20 s',
      'waiting for a new standard node to start (ready in ~20 s)',
      expect.stringContaining('maximum size'),
    ]);
    expect(result.decisions.map(d => (d as any).position)).toEqual([1, 2, 3]);
  });

  it('places work on a node once its scale-up has completed', () => {
    const result = run({
      nodes: [node('n1', 4), { ...node('n2'), readyAtMs: undefined }],
      queued: [job('a', 2)],
    });
    expect(result.decisions).toEqual([
      { kind: 'admit', workloadId: 'a', nodeId: 'n2' },
    ]);
  });

  it('picks the best-fitting node to keep large holes free', () => {
    const result = run({
      nodes: [node('roomy', 0), node('tight', 3)],
      queued: [job('a', 1)],
    });
    expect(result.decisions).toEqual([
      { kind: 'admit', workloadId: 'a', nodeId: 'tight' },
    ]);
  });

  it('needs a GPU node for GPU work', () => {
    const gpuGroup = {
      ...GROUP,
      name: 'gpu',
      gpu: 1,
      minNodes: 0,
      maxNodes: 1,
    };
    const result = run({
      groups: [GROUP, gpuGroup],
      queued: [
        { ...job('g', 1), request: { cpu: 1, memoryMiB: 1024, gpu: 1 } },
      ],
    });
    expect(result.newNodes).toEqual([{ group: 'gpu', readyAtMs: 21_000 }]);
  });
});
