import { ForwardedError } from '@backstage/errors';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { WorkloadIdentity } from './isolation';
import { readProcStatSync } from './procfs';

/**
 * The interpreter behind a name like `python3`. A version manager's shim
 * (pyenv) costs 100-200 ms per start and adds its own variables to the
 * environment; the binary it ends up running does neither.
 */
export function resolveInterpreter(name: string): Promise<string> {
  return new Promise(resolve => {
    execFile(
      name,
      ['-I', '-c', 'import sys; print(sys.executable)'],
      { timeout: 10_000 },
      (error, stdout) =>
        resolve(!error && stdout.trim() ? stdout.trim() : name),
    );
  });
}

/** Waits for a spawned child to exist, turning a failed spawn into an error. */
async function spawned(child: ChildProcess): Promise<number> {
  if (child.pid !== undefined) return child.pid;
  const [error] = await once(child, 'error');
  throw new ForwardedError('Could not start the local runner', error);
}

export interface RunnerLaunch {
  /** The Python that runs `assets/local_runner.py`. */
  interpreter: string;
  runnerPath: string;
  exitFile: string;
  logFile: string;
  command: string[];
  cwd: string;
  env: Record<string, string>;
  /** Who the command runs as; the wrapper itself stays the backend's user. */
  identity?: WorkloadIdentity;
  onError: (error: Error) => void;
}

/**
 * Starts the wrapper as the leader of a new process group, its stdout and
 * stderr on the run's log file. The backend opens the log (in a folder only
 * it can open), so a workload under another uid writes its own log through
 * the inherited descriptor and can open no other.
 */
export async function launchRunner(
  launch: RunnerLaunch,
): Promise<{ pid: number; startTime?: number }> {
  const user = launch.identity
    ? ['--user', `${launch.identity.uid}:${launch.identity.gid}`]
    : [];
  // Opened and closed synchronously: no await may come between spawning and
  // listening for a failed spawn's 'error', or it would go unhandled.
  const logFd = openSync(launch.logFile, 'a', 0o600);
  let child: ChildProcess;
  let startTime: number | undefined;
  let running: Promise<number>;
  try {
    child = spawn(
      launch.interpreter,
      // -I: the wrapper (root, when isolating) imports nothing from the
      // project folder it starts in.
      [
        '-I',
        '-S',
        launch.runnerPath,
        launch.exitFile,
        ...user,
        '--',
        ...launch.command,
      ],
      {
        cwd: launch.cwd,
        env: launch.env,
        detached: true,
        stdio: ['ignore', logFd, logFd],
      },
    );
    running = spawned(child);
    child.on('error', launch.onError);
    if (child.pid !== undefined) {
      startTime = readProcStatSync(child.pid)?.startTime;
    }
  } finally {
    // The child has its own copy of the descriptor by now.
    closeSync(logFd);
  }
  const pid = await running;
  // The backend must not wait for workloads when it shuts down.
  child.unref();
  return { pid, startTime };
}
