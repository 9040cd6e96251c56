import { ObservedWorkload, WorkloadRef } from '@ml-platform/plugin-ml-node';
import { constants as osConstants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProcStat, groupMembers, listProcesses, ownsGroup } from './procfs';
import { ExitStatus, RunState } from './RunStore';

const STOP_POLL_MS = 50;

function signalName(signal: number): string {
  const entry = Object.entries(osConstants.signals).find(
    ([, n]) => n === signal,
  );
  return entry ? `signal ${signal} (${entry[0]})` : `signal ${signal}`;
}

/**
 * Whether a process is still the run's leader: a pid reused by another
 * process has another start time, and a zombie has ended.
 */
export function isAlive(stat: ProcStat | undefined, state: RunState): boolean {
  return (
    stat !== undefined &&
    stat.startTime === state.startTime &&
    stat.state !== 'Z'
  );
}

/** What an ended run's exit status says, as the engine is told it. */
export function describeExit(
  state: RunState,
  exit: ExitStatus,
): Omit<ObservedWorkload, keyof WorkloadRef> {
  if (exit.exitCode === 0 && !exit.signal)
    return { phase: 'succeeded', exitCode: 0 };
  let reason =
    exit.error ??
    (exit.signal
      ? `killed by ${signalName(exit.signal)}`
      : `exited with code ${exit.exitCode}`);
  if (state.stopRequestedAt) reason += ' after a stop request';
  return { phase: 'failed', exitCode: exit.exitCode, reason };
}

/** Signals the run's whole group, if anything of it is still alive. */
export async function signalGroup(
  state: RunState,
  signal: NodeJS.Signals,
): Promise<boolean> {
  if (!ownsGroup(state.pgid, state.startTime, await listProcesses()))
    return false;
  try {
    process.kill(-state.pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** Waits until no process of the run's group is left, or the time is up. */
export async function waitForGroupToEnd(
  state: RunState,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (groupMembers(state.pgid, await listProcesses()).length === 0)
      return true;
    if (Date.now() >= deadline) return false;
    await sleep(STOP_POLL_MS);
  }
}
