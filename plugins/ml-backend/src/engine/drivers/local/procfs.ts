import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';

/** The fields of `/proc/<pid>/stat` the local driver needs. */
export interface ProcStat {
  pid: number;
  /** R, S, D, Z, T, …; a zombie (Z) has finished and only waits to be reaped. */
  state: string;
  ppid: number;
  pgid: number;
  /** utime + stime + cutime + cstime, in clock ticks. */
  cpuTicks: number;
  /** Clock ticks after boot; with the pid it names one process for good. */
  startTime: number;
  rssPages: number;
}

function getconf(name: string, fallback: number): number {
  try {
    const value = Number(
      execFileSync('getconf', [name], { encoding: 'utf8' }).trim(),
    );
    return Number.isFinite(value) && value > 0 ? value : fallback;
  } catch {
    return fallback;
  }
}

let cachedClockTicks: number | undefined;
let cachedPageSize: number | undefined;

/** `getconf CLK_TCK`: the unit of the CPU and start times in `/proc`. */
export function clockTicksPerSecond(): number {
  cachedClockTicks ??= getconf('CLK_TCK', 100);
  return cachedClockTicks;
}

export function pageSizeBytes(): number {
  cachedPageSize ??= getconf('PAGESIZE', 4096);
  return cachedPageSize;
}

/**
 * Parses one `/proc/<pid>/stat` line. The command name (field 2) is in
 * parentheses and may itself hold spaces and parentheses, so the numbered
 * fields are counted from the last `)`.
 */
export function parseProcStat(line: string): ProcStat | undefined {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const pid = Number(line.slice(0, open).trim());
  // rest[0] is field 3 (state), so field n is rest[n - 3].
  const rest = line
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  if (rest.length < 22 || !Number.isInteger(pid)) return undefined;
  const field = (n: number) => Number(rest[n - 3]);
  return {
    pid,
    state: rest[0],
    ppid: field(4),
    pgid: field(5),
    // cutime/cstime hold the time of reaped children, so short-lived helpers
    // (a shell loop's commands) still count once they are gone.
    cpuTicks: field(14) + field(15) + field(16) + field(17),
    startTime: field(22),
    rssPages: field(24),
  };
}

export async function readProcStat(pid: number): Promise<ProcStat | undefined> {
  try {
    return parseProcStat(await fs.readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    // Gone (ENOENT/ESRCH) between listing and reading; that is normal.
    return undefined;
  }
}

/**
 * For the moment right after spawn: read synchronously, in the same tick,
 * the child cannot have been reaped yet, so its entry is always there.
 */
export function readProcStatSync(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Every process on the machine; zombies included, callers decide. */
export async function listProcesses(): Promise<ProcStat[]> {
  const names = await fs.readdir('/proc');
  const stats = await Promise.all(
    names
      .filter(name => /^\d+$/.test(name))
      .map(name => readProcStat(Number(name))),
  );
  return stats.filter((s): s is ProcStat => s !== undefined);
}

/** Seconds since boot, the clock that `startTime` counts from. */
export async function uptimeSeconds(): Promise<number> {
  const text = await fs.readFile('/proc/uptime', 'utf8');
  return Number(text.split(/\s+/)[0]);
}

/** Living members of a process group; zombies have no resources left. */
export function groupMembers(pgid: number, processes: ProcStat[]): ProcStat[] {
  return processes.filter(p => p.pgid === pgid && p.state !== 'Z');
}

/**
 * Whether the living processes of `pgid` are the group started at
 * `startTime` by pid `pgid`. Linux never hands out a pid while a group still
 * uses it as its id, so a group without its leader is still ours; only a
 * leader with another start time means the id now belongs to someone else.
 */
export function ownsGroup(
  pgid: number,
  startTime: number,
  processes: ProcStat[],
): boolean {
  const leader = processes.find(p => p.pid === pgid);
  if (leader && leader.startTime !== startTime) return false;
  return groupMembers(pgid, processes).length > 0;
}

/** A total CPU time at a moment, to turn two readings into a rate. */
export interface CpuSample {
  ticks: number;
  atSeconds: number;
}

export interface GroupUsage {
  sample: CpuSample;
  cpu: number;
  memoryMiB: number;
}

/**
 * CPU (vCPU averaged since `previous`, or since the group leader started)
 * and resident memory summed over the group. Shared pages count once per
 * process, so the memory is an upper bound, as with `ps`.
 */
export function groupUsage(
  members: ProcStat[],
  now: CpuSample['atSeconds'],
  leaderStartTime: number,
  previous?: CpuSample,
): GroupUsage {
  const hz = clockTicksPerSecond();
  const ticks = members.reduce((sum, p) => sum + p.cpuTicks, 0);
  const since = previous ?? { ticks: 0, atSeconds: leaderStartTime / hz };
  const elapsed = now - since.atSeconds;
  // A member that leaves the group takes its ticks along; never report < 0.
  const cpu =
    elapsed > 0 ? Math.max(0, (ticks - since.ticks) / hz / elapsed) : 0;
  const rssBytes =
    members.reduce((sum, p) => sum + p.rssPages, 0) * pageSizeBytes();
  return {
    sample: { ticks, atSeconds: now },
    cpu: Math.round(cpu * 1000) / 1000,
    memoryMiB: Math.round((rssBytes / (1024 * 1024)) * 10) / 10,
  };
}
