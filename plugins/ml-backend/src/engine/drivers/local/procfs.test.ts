import { spawn } from 'node:child_process';
import {
  clockTicksPerSecond,
  groupMembers,
  groupUsage,
  listProcesses,
  ownsGroup,
  pageSizeBytes,
  parseProcStat,
  readProcStat,
  ProcStat,
} from './procfs';

function proc(overrides: Partial<ProcStat>): ProcStat {
  return {
    pid: 1,
    state: 'S',
    ppid: 0,
    pgid: 1,
    cpuTicks: 0,
    startTime: 0,
    rssPages: 0,
    ...overrides,
  };
}

describe('procfs', () => {
  it('parses stat lines whose command name holds spaces and parentheses', () => {
    const fields = Array.from({ length: 49 }, (_, i) => String(i + 3));
    fields[0] = 'R'; // field 3
    const line = `4242 (my (odd) name) ${fields.join(' ')}\n`;
    expect(parseProcStat(line)).toEqual({
      pid: 4242,
      state: 'R',
      ppid: 4,
      pgid: 5,
      cpuTicks: 14 + 15 + 16 + 17,
      startTime: 22,
      rssPages: 24,
    });
    expect(parseProcStat('garbage')).toBeUndefined();
  });

  it('reads this process and lists it among all processes', async () => {
    const self = await readProcStat(process.pid);
    expect(self).toMatchObject({ pid: process.pid, ppid: process.ppid });
    expect(self!.rssPages).toBeGreaterThan(0);
    const all = await listProcesses();
    expect(all.find(p => p.pid === process.pid)?.startTime).toBe(
      self!.startTime,
    );
    expect(await readProcStat(2 ** 30)).toBeUndefined();
    expect(clockTicksPerSecond()).toBeGreaterThan(0);
    expect(pageSizeBytes()).toBeGreaterThan(0);
  });

  it('finds the members of a real process group', async () => {
    const child = spawn('sh', ['-c', 'sleep 30 & sleep 30 & wait'], {
      detached: true,
      stdio: 'ignore',
    });
    try {
      const pgid = child.pid!;
      const deadline = Date.now() + 5000;
      let members: ProcStat[] = [];
      while (members.length < 3 && Date.now() < deadline) {
        members = groupMembers(pgid, await listProcesses());
        await new Promise(r => setTimeout(r, 20));
      }
      expect(members.map(m => m.pid)).toContain(pgid);
      expect(members).toHaveLength(3);
      const leader = members.find(m => m.pid === pgid)!;
      expect(ownsGroup(pgid, leader.startTime, members)).toBe(true);
      expect(ownsGroup(pgid, leader.startTime + 1, members)).toBe(false);
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
    }
  });

  it('ignores zombies and keeps a leaderless group as ours', () => {
    const processes = [
      proc({ pid: 10, pgid: 7, state: 'S' }),
      proc({ pid: 11, pgid: 7, state: 'Z' }),
      proc({ pid: 12, pgid: 8 }),
    ];
    expect(groupMembers(7, processes).map(p => p.pid)).toEqual([10]);
    expect(ownsGroup(7, 123, processes)).toBe(true);
    expect(ownsGroup(9, 123, processes)).toBe(false);
  });

  it('turns tick counts into vCPU since the last sample and pages into MiB', () => {
    const hz = clockTicksPerSecond();
    const members = [
      proc({
        cpuTicks: hz * 3,
        rssPages: (64 * 1024 * 1024) / pageSizeBytes(),
      }),
      proc({ cpuTicks: hz, rssPages: (32 * 1024 * 1024) / pageSizeBytes() }),
    ];
    // Started at 10 s after boot, observed at 14 s: 4 s of CPU in 4 s.
    const first = groupUsage(members, 14, 10 * hz);
    expect(first).toEqual({
      sample: { ticks: hz * 4, atSeconds: 14 },
      cpu: 1,
      memoryMiB: 96,
    });
    // Two seconds later one more CPU-second was used: 0.5 vCPU.
    members[0].cpuTicks += hz;
    expect(groupUsage(members, 16, 10 * hz, first.sample).cpu).toBe(0.5);
    // A member leaving takes its ticks along; that is no negative use.
    expect(groupUsage([members[1]], 17, 10 * hz, first.sample).cpu).toBe(0);
  });
});
