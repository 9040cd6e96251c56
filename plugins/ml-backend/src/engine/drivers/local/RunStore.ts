import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { WorkloadKind, WorkloadRef } from '@ml-platform/plugin-ml-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { v4 as uuid } from 'uuid';

// Ids become file names, so they must not be able to name anything else.
const WORKLOAD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** What the driver remembers about one run; everything it needs after a restart. */
export interface RunState {
  version: 1;
  workloadId: string;
  attempt: number;
  kind: WorkloadKind;
  /** The wrapper (local_runner.py), which leads the run's process group. */
  pid: number;
  pgid: number;
  /** Field 22 of `/proc/<pid>/stat`: tells our process from a later one with the same pid. */
  startTime: number;
  /** Port name → port on 127.0.0.1. */
  ports: Record<string, number>;
  command: string[];
  projectDir: string;
  /** For people reading the folder; the driver derives paths from the ref. */
  logFile: string;
  exitFile: string;
  startedAt: string;
  stopRequestedAt?: string;
  /** Who the command runs as, when the backend isolates projects. */
  uid?: number;
  gid?: number;
  /**
   * The session kernel's secret (ML_KERNEL_SECRET), which `exec` sends.
   * Never logged or returned; this file is readable by the backend only.
   */
  kernelSecret?: string;
}

/** How a run ended, as local_runner.py (or `stop`, when it had to kill the runner) wrote it. */
export interface ExitStatus {
  exitCode: number;
  signal: number | null;
  /** Set when the command could not be started at all. */
  error?: string;
}

export interface RunPaths {
  stateFile: string;
  exitFile: string;
  logFile: string;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * The on-disk state of the local driver:
 * `runs/<id>-<attempt>.json` (state), `runs/<id>-<attempt>.exit` (exit
 * status) and `logs/<id>-<attempt>.log`. Files are replaced atomically, so a
 * reader (another driver instance, after a restart) never sees half of one.
 */
export class RunStore {
  private readonly runsDir: string;
  private readonly logsDir: string;

  constructor(stateDir: string, private readonly logger: LoggerService) {
    this.runsDir = path.join(stateDir, 'runs');
    this.logsDir = path.join(stateDir, 'logs');
  }

  key(ref: WorkloadRef): string {
    if (!WORKLOAD_ID_PATTERN.test(ref.workloadId)) {
      throw new InputError(`'${ref.workloadId}' is not a valid workload id`);
    }
    if (!Number.isSafeInteger(ref.attempt) || ref.attempt < 0) {
      throw new InputError(
        `attempt must be a whole number >= 0, not ${ref.attempt}`,
      );
    }
    return `${ref.workloadId}-${ref.attempt}`;
  }

  paths(ref: WorkloadRef): RunPaths {
    const key = this.key(ref);
    return {
      stateFile: path.join(this.runsDir, `${key}.json`),
      exitFile: path.join(this.runsDir, `${key}.exit`),
      logFile: path.join(this.logsDir, `${key}.log`),
    };
  }

  /**
   * The folders are the backend's alone (0700): workloads under project
   * uids must not read other runs' state (kernel secrets) or logs, nor
   * write exit statuses.
   */
  async init(): Promise<void> {
    for (const dir of [this.runsDir, this.logsDir]) {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      await fs.chmod(dir, 0o700);
    }
  }

  async read(ref: WorkloadRef): Promise<RunState | undefined> {
    return this.readJson<RunState>(this.paths(ref).stateFile);
  }

  async write(state: RunState): Promise<void> {
    await this.writeAtomically(
      this.paths(state).stateFile,
      JSON.stringify(state, null, 2),
    );
  }

  /** Every remembered run; a file that cannot be read is logged and skipped. */
  async list(): Promise<RunState[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.runsDir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const states: RunState[] = [];
    for (const name of names.filter(n => n.endsWith('.json')).sort()) {
      try {
        const state = await this.readJson<RunState>(
          path.join(this.runsDir, name),
        );
        if (state) states.push(state);
      } catch (error) {
        this.logger.warn(
          `Skipping unreadable local run state ${name}: ${error}`,
        );
      }
    }
    return states;
  }

  async readExit(ref: WorkloadRef): Promise<ExitStatus | undefined> {
    return this.readJson<ExitStatus>(this.paths(ref).exitFile);
  }

  /**
   * Records an exit status unless the runner already did: its own record
   * (the workload's real exit code) is better than what `stop` infers.
   */
  async writeExitIfMissing(
    ref: WorkloadRef,
    status: ExitStatus,
  ): Promise<void> {
    const target = this.paths(ref).exitFile;
    const temp = `${target}.${uuid()}.tmp`;
    await fs.writeFile(temp, JSON.stringify(status), { mode: 0o600 });
    try {
      // link() fails if the target exists, where rename() would replace it.
      await fs.link(temp, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  /** Forgets a run: its state and exit status, not its log. */
  async remove(ref: WorkloadRef): Promise<void> {
    const { stateFile, exitFile } = this.paths(ref);
    await fs.rm(exitFile, { force: true });
    await fs.rm(stateFile, { force: true });
  }

  private async readJson<T>(file: string): Promise<T | undefined> {
    try {
      return JSON.parse(await fs.readFile(file, 'utf8')) as T;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  private async writeAtomically(file: string, content: string): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${uuid()}.tmp`;
    await fs.writeFile(temp, content, { mode: 0o600 });
    await fs.rename(temp, file);
  }
}
