import {
  describeResources,
  formatDuration,
  formatInZone,
  workloadDuration,
} from './workloads';

describe('workloads', () => {
  it('formats durations with two units at most', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(200_000)).toBe('3 min 20 s');
    expect(formatDuration(2 * 3600_000 + 5 * 60_000 + 9_000)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86400_000 + 4 * 3600_000)).toBe('3 d 4 h');
  });

  it('measures a workload until now while it runs', () => {
    const startedAt = '2026-01-12T10:00:00.000Z';
    const now = Date.parse('2026-01-12T10:01:30.000Z');
    expect(workloadDuration({ startedAt }, now)).toBe('1 min 30 s');
    expect(
      workloadDuration({ startedAt, endedAt: '2026-01-12T10:00:10.000Z' }, now),
    ).toBe('10 s');
    expect(workloadDuration({}, now)).toBeUndefined();
  });

  it('leaves out GPUs that are not asked for', () => {
    expect(describeResources({ cpu: 0.5, memoryMiB: 2048, gpu: 0 })).toBe(
      '0.5 vCPU · 2 GiB',
    );
    expect(describeResources({ cpu: 4, memoryMiB: 16384, gpu: 1 })).toBe(
      '4 vCPU · 16 GiB · 1 GPU',
    );
  });

  it("shows schedule times in the schedule's zone", () => {
    expect(formatInZone('2026-01-13T02:00:00.000Z', 'Europe/Berlin')).toMatch(
      /3:00.*Europe\/Berlin$/,
    );
    expect(formatInZone('2026-01-13T02:00:00.000Z', 'Mars/Olympus')).toMatch(
      /2026/,
    );
  });
});
