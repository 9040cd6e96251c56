import {
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ComputeDriver,
  LogReadOptions,
  ObservedWorkload,
  WorkloadRef,
  WorkloadSpec,
} from '@ml-platform/plugin-ml-node';
import { randomBytes } from 'node:crypto';
import { constants as osConstants } from 'node:os';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pickFreePorts, portVariable } from './freePorts';
import { LocalIsolation, WorkloadIdentity } from './isolation';
import { executeInKernel } from './kernelClient';
import { readLogLines } from './logLines';
import {
  CpuSample,
  ProcStat,
  groupMembers,
  groupUsage,
  listProcesses,
  readProcStat,
  uptimeSeconds,
} from './procfs';
import { launchRunner, resolveInterpreter } from './runner';
import { RunState, RunStore } from './RunStore';
import {
  describeExit,
  isAlive,
  signalGroup,
  waitForGroupToEnd,
} from './runProcesses';

/** The only variables of the backend's own environment a workload sees; the rest may be secrets. */
const INHERITED_ENV = ['PATH', 'HOME', 'LANG', 'TZ'];
const DEFAULT_STOP_GRACE_MS = 5000;
// After SIGKILL the kernel needs a moment to tear processes down; no longer.
const KILL_WAIT_MS = 2000;

/** @public */
export interface LocalProcessDriverOptions {
  /** Where run state and logs are kept; survives backend restarts. */
  stateDir: string;
  /** The in-workload SDK (`sdk/python`), put first on PYTHONPATH. */
  sdkPath: string;
  logger: LoggerService;
  /** The interpreter when the runtime names none; `python3` if unset. */
  defaultCommand?: string;
  /** How long `stop` waits after SIGTERM before SIGKILL. */
  stopGraceMs?: number;
  /** The Python that runs the wrapper (not the workload). */
  runnerPython?: string;
  /**
   * Who workloads run as. Default: per-project uids from the default range
   * when the backend is root, kept in `stateDir`.
   */
  isolation?: LocalIsolation;
}

/**
 * Runs workloads as processes on the backend's machine. Each run is a
 * process group led by `assets/local_runner.py`, which records the exit
 * status; everything the driver knows is in files under `stateDir`, so a
 * restarted backend (a new instance) picks up where the old one stopped.
 *
 * When the backend is root, each project's workloads run under a uid of
 * their own (LocalIsolation); the wrapper stays root, so only the backend
 * can stop a run or write its exit status. A session kernel gets a secret
 * per attempt (ML_KERNEL_SECRET), which `exec` sends with every call.
 *
 * Resource limits are not enforced: this driver is for one-machine
 * installs and development, where the quota check is what keeps use fair.
 *
 * @public
 */
export class LocalProcessDriver implements ComputeDriver {
  readonly name = 'local';
  private readonly runs: RunStore;
  private readonly runnerPath = resolvePackagePath(
    '@ml-platform/plugin-ml-backend',
    'assets/local_runner.py',
  );
  private runnerInterpreter?: Promise<string>;
  private readonly cpuSamples = new Map<string, CpuSample>();
  // Start, stop and forget of one ref run one at a time, so two calls never race to spawn.
  private readonly queues = new Map<string, Promise<void>>();
  private readonly isolation: LocalIsolation;

  constructor(private readonly options: LocalProcessDriverOptions) {
    this.runs = new RunStore(options.stateDir, options.logger);
    this.isolation =
      options.isolation ??
      new LocalIsolation({
        stateDir: options.stateDir,
        logger: options.logger,
        sdkPath: options.sdkPath,
      });
  }

  async start(spec: WorkloadSpec): Promise<void> {
    await this.exclusive(spec, async () => {
      if (await this.runs.read(spec)) return;
      const projectDir = await fs.stat(spec.projectDir).catch(() => undefined);
      if (!projectDir?.isDirectory()) {
        throw new InputError(
          `Project folder ${spec.projectDir} does not exist`,
        );
      }
      await this.runs.init();
      const identity = await this.isolation.prepareWorkDir(
        spec.projectDir,
        spec.projectId,
      );
      const ports = await pickFreePorts(spec.ports);
      // Only the backend and the kernel know it: other local users (and
      // other projects' workloads) reach the kernel's port but not its code.
      const kernelSecret = spec.ports.includes('kernel')
        ? randomBytes(32).toString('base64url')
        : undefined;
      const command = [
        spec.runtime.command ?? this.options.defaultCommand ?? 'python3',
        ...spec.args,
      ];
      const files = this.runs.paths(spec);
      this.runnerInterpreter ??= resolveInterpreter(
        this.options.runnerPython ?? 'python3',
      );
      const interpreter = await this.runnerInterpreter;
      // Left over only if an earlier start died between spawn and saving state.
      await fs.rm(files.exitFile, { force: true });
      const { pid, startTime } = await launchRunner({
        interpreter,
        runnerPath: this.runnerPath,
        exitFile: files.exitFile,
        logFile: files.logFile,
        command,
        cwd: spec.projectDir,
        env: this.environment(spec, ports, identity, kernelSecret),
        identity,
        onError: error =>
          this.options.logger.warn(
            `Local runner of ${spec.workloadId}: ${error}`,
          ),
      });
      await this.runs.write({
        version: 1,
        workloadId: spec.workloadId,
        attempt: spec.attempt,
        kind: spec.kind,
        pid,
        pgid: pid,
        // Unreadable only if the process is already gone; -1 then never matches.
        startTime: startTime ?? -1,
        ports,
        command,
        projectDir: spec.projectDir,
        logFile: files.logFile,
        exitFile: files.exitFile,
        startedAt: new Date().toISOString(),
        ...(identity ? { uid: identity.uid, gid: identity.gid } : {}),
        ...(kernelSecret ? { kernelSecret } : {}),
      });
      this.options.logger.info(
        `Started ${spec.kind} ${spec.workloadId} attempt ${
          spec.attempt
        } as process group ${pid}${identity ? ` (uid ${identity.uid})` : ''}`,
      );
    });
  }

  async stop(ref: WorkloadRef): Promise<void> {
    await this.exclusive(ref, () => this.stopNow(ref));
  }

  async observe(): Promise<ObservedWorkload[]> {
    const states = await this.runs.list();
    if (states.length === 0) return [];
    // Processes are listed before exit files are read: a run missing from the
    // list has by then written its exit file, unless it really crashed.
    const processes = await listProcesses();
    const now = await uptimeSeconds();
    const observed: ObservedWorkload[] = [];
    for (const state of states) {
      observed.push(await this.observeRun(state, processes, now));
    }
    // Runs another instance forgot leave samples behind otherwise.
    const keys = new Set(observed.map(run => this.runs.key(run)));
    for (const key of this.cpuSamples.keys()) {
      if (!keys.has(key)) this.cpuSamples.delete(key);
    }
    return observed;
  }

  async forget(ref: WorkloadRef): Promise<void> {
    await this.exclusive(ref, async () => {
      // Forgetting a live run would leave processes nobody can stop.
      await this.stopNow(ref);
      await this.runs.remove(ref);
      this.cpuSamples.delete(this.runs.key(ref));
    });
  }

  logs(ref: WorkloadRef, options: LogReadOptions): AsyncIterable<string> {
    const runs = this.runs;
    const hasEnded = () => this.hasEnded(ref);
    return (async function* lines() {
      const { logFile } = runs.paths(ref);
      const exists = await fs.stat(logFile).catch(() => undefined);
      if (!exists) {
        throw new NotFoundError(
          `No logs for workload ${ref.workloadId} attempt ${ref.attempt}`,
        );
      }
      yield* readLogLines(logFile, { ...options, hasEnded });
    })();
  }

  async endpoint(
    ref: WorkloadRef,
    port: string,
  ): Promise<{ url: string } | undefined> {
    const state = await this.runs.read(ref);
    const number = state?.ports[port];
    if (!state || number === undefined) return undefined;
    if (!isAlive(await readProcStat(state.pid), state)) return undefined;
    return { url: `http://127.0.0.1:${number}` };
  }

  /**
   * Runs code in a running session's kernel, with the kernel's secret.
   * The kernel listens on 127.0.0.1, where this backend runs.
   */
  async *exec(
    ref: WorkloadRef,
    code: string,
    options: { signal?: AbortSignal },
  ): AsyncIterable<string> {
    const state = await this.runs.read(ref);
    const port = state?.ports.kernel;
    if (!state || port === undefined) {
      throw new NotFoundError(
        `Workload ${ref.workloadId} attempt ${ref.attempt} has no kernel`,
      );
    }
    if (!isAlive(await readProcStat(state.pid), state)) {
      throw new ConflictError(
        'The session kernel is not reachable yet; try again in a moment',
      );
    }
    yield* executeInKernel(
      `http://127.0.0.1:${port}`,
      state.kernelSecret,
      code,
      options.signal,
    );
  }

  private environment(
    spec: WorkloadSpec,
    ports: Record<string, number>,
    identity: WorkloadIdentity | undefined,
    kernelSecret: string | undefined,
  ) {
    const env: Record<string, string> = {};
    for (const name of INHERITED_ENV) {
      const value = process.env[name];
      if (value !== undefined) env[name] = value;
    }
    // The backend's home is not the project uid's (root's is closed); the
    // work folder is, as in CML, where HOME is the project.
    if (identity) env.HOME = spec.projectDir;
    // Secrets go to the process only: the run state on disk has no env.
    Object.assign(env, spec.env, spec.secretEnv);
    env.PYTHONPATH = [
      this.isolation.sdkPathFor(this.options.sdkPath),
      spec.env.PYTHONPATH,
    ]
      .filter(Boolean)
      .join(path.delimiter);
    env.PYTHONUNBUFFERED = '1';
    for (const [name, port] of Object.entries(ports)) {
      env[portVariable(name)] = String(port);
    }
    if (kernelSecret) env.ML_KERNEL_SECRET = kernelSecret;
    return env;
  }

  private async observeRun(
    state: RunState,
    processes: ProcStat[],
    now: number,
  ): Promise<ObservedWorkload> {
    const ref = { workloadId: state.workloadId, attempt: state.attempt };
    const key = this.runs.key(ref);
    const exit = await this.runs.readExit(ref);
    if (exit) {
      this.cpuSamples.delete(key);
      return { ...ref, ...describeExit(state, exit) };
    }
    const leader = processes.find(p => p.pid === state.pid);
    if (!isAlive(leader, state)) {
      this.cpuSamples.delete(key);
      return {
        ...ref,
        phase: 'failed',
        reason: 'the process disappeared without an exit status',
      };
    }
    const members = groupMembers(state.pgid, processes);
    const usage = groupUsage(
      members,
      now,
      state.startTime,
      this.cpuSamples.get(key),
    );
    this.cpuSamples.set(key, usage.sample);
    return {
      ...ref,
      phase: 'running',
      usage: { cpu: usage.cpu, memoryMiB: usage.memoryMiB, gpu: 0 },
    };
  }

  private async hasEnded(ref: WorkloadRef): Promise<boolean> {
    const state = await this.runs.read(ref);
    if (!state || (await this.runs.readExit(ref))) return true;
    return !isAlive(await readProcStat(state.pid), state);
  }

  private async stopNow(ref: WorkloadRef): Promise<void> {
    const state = await this.runs.read(ref);
    if (!state) return;
    const finished = await this.runs.readExit(ref);
    if (!finished && !state.stopRequestedAt) {
      await this.runs.write({
        ...state,
        stopRequestedAt: new Date().toISOString(),
      });
    }
    // Even a finished run may have left processes in its group; they go too.
    if (!(await signalGroup(state, 'SIGTERM'))) return;
    let signal: NodeJS.Signals = 'SIGTERM';
    const grace = this.options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
    if (!(await waitForGroupToEnd(state, grace))) {
      signal = 'SIGKILL';
      this.options.logger.warn(
        `Workload ${ref.workloadId} attempt ${ref.attempt} ignored SIGTERM for ${grace} ms; killing it`,
      );
      await signalGroup(state, 'SIGKILL');
      if (!(await waitForGroupToEnd(state, KILL_WAIT_MS))) {
        this.options.logger.warn(
          `Process group ${state.pgid} of ${ref.workloadId} survived SIGKILL for ${KILL_WAIT_MS} ms`,
        );
      }
    }
    if (!finished) {
      // The runner records the signal itself, unless SIGKILL took it down too.
      const number = osConstants.signals[signal];
      await this.runs.writeExitIfMissing(ref, {
        exitCode: 128 + number,
        signal: number,
      });
      this.options.logger.info(
        `Stopped ${ref.workloadId} attempt ${ref.attempt}`,
      );
    }
  }

  private async exclusive(
    ref: WorkloadRef,
    task: () => Promise<void>,
  ): Promise<void> {
    const key = this.runs.key(ref);
    const previous = this.queues.get(key) ?? Promise.resolve();
    const current = previous.then(task);
    const tail = current.catch(() => {});
    this.queues.set(key, tail);
    try {
      await current;
    } finally {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    }
  }
}
