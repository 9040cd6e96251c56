import { ResourceLimits } from '@ml-platform/plugin-ml-common';

/** @public */
export type WorkloadKind =
  | 'session'
  | 'job'
  | 'model'
  | 'application'
  | 'build';

/**
 * What a driver needs to start one workload. The engine builds it; drivers
 * turn it into processes (local) or Kubernetes objects.
 *
 * @public
 */
export interface WorkloadSpec {
  /** Stable id of the workload; with `attempt` it names what the driver creates. */
  workloadId: string;
  attempt: number;
  kind: WorkloadKind;
  workspace: string;
  projectId: string;
  projectName: string;
  /**
   * The project's files on this machine. The local driver runs in it;
   * remote drivers download the project into the workload instead.
   */
  projectDir: string;
  runtime: { id: string; image?: string; command?: string };
  resources: ResourceLimits;
  /**
   * Arguments to the runtime's interpreter, e.g. `['train.py', '--epochs',
   * '3']` or `['-m', 'ml_platform.session_kernel']`.
   */
  args: string[];
  env: Record<string, string>;
  /**
   * Secret variables (decrypted), to be set in the workload's environment
   * beside `env`; no name is in both. Kept apart so that drivers keep them
   * out of what others can read: never in a plain pod spec, a state file or
   * a log line (the Kubernetes driver passes them through a Secret).
   */
  secretEnv?: Record<string, string>;
  /**
   * Named TCP ports the workload listens on. The driver picks each port and
   * passes it as `ML_<NAME>_PORT` (upper case), e.g. `kernel` →
   * `ML_KERNEL_PORT`.
   */
  ports: string[];
  /**
   * The limit of the subject the workload is charged to, if it has one.
   * Drivers that can enforce it (Kubernetes: a ResourceQuota per project
   * namespace) mirror it; the engine's admission check stays the authority.
   */
  quota?: ResourceLimits;
}

/**
 * How a driver refers to something it runs.
 *
 * @public
 */
export interface WorkloadRef {
  workloadId: string;
  attempt: number;
}

/**
 * How to read a workload's log.
 *
 * @public
 */
export interface LogReadOptions {
  /** Keep yielding new lines until the workload ends or `signal` aborts. */
  follow: boolean;
  signal?: AbortSignal;
  /**
   * Only the end of the log is wanted (reads without `follow`). A driver that
   * can seek starts at the first line that begins within the last `bytes`
   * bytes, and calls `skipped()` before the first line when that leaves
   * something out. A driver may ignore it and read from the start: callers
   * keep only the end themselves, so it saves reading, nothing else.
   */
  tail?: { bytes: number; skipped(): void };
}

/** @public */
export type ObservedPhase = 'pending' | 'running' | 'succeeded' | 'failed';

/** @public */
export interface ObservedWorkload extends WorkloadRef {
  phase: ObservedPhase;
  exitCode?: number;
  /** A person-readable reason (e.g. "OOMKilled", "the cluster has no room"). */
  reason?: string;
  /** What the workload uses now (CPU in vCPU, memory in MiB). */
  usage?: ResourceLimits;
}

/**
 * The contract between the workload engine and a place that runs work. The
 * engine is level-triggered: it calls `observe` periodically and compares
 * with what it expects, so drivers keep no engine state of their own.
 *
 * @public
 */
export interface ComputeDriver {
  /** Matches a workspace's `driver` field. */
  readonly name: string;
  /**
   * Starts the workload. Idempotent: a workload that already exists under
   * this ref counts as started.
   */
  start(spec: WorkloadSpec): Promise<void>;
  /** Stops the workload and everything it started; stopping twice is fine. */
  stop(ref: WorkloadRef): Promise<void>;
  /** The current state of everything this driver runs or ran and still remembers. */
  observe(): Promise<ObservedWorkload[]>;
  /** Frees what the driver keeps for a finished workload (not its logs). */
  forget(ref: WorkloadRef): Promise<void>;
  /** Log lines so far; with `follow`, keeps yielding until the workload ends or `signal` aborts. */
  logs(ref: WorkloadRef, options: LogReadOptions): AsyncIterable<string>;
  /** Where a named port of a running workload is reachable, if it is. */
  endpoint(
    ref: WorkloadRef,
    port: string,
  ): Promise<{ url: string } | undefined>;
  /**
   * Runs code in a running session's kernel and yields the kernel's output
   * events (NDJSON lines, as its `POST /execute` answers). The kernel
   * refuses calls without the secret the driver gave it in
   * `ML_KERNEL_SECRET` (one per attempt), so the driver makes the call (the
   * Kubernetes driver from inside the pod). Optional: without it, sessions
   * on the driver have no console.
   */
  exec?(
    ref: WorkloadRef,
    code: string,
    options: { signal?: AbortSignal },
  ): AsyncIterable<string>;
  /**
   * Whether the driver can run work for a workspace now (e.g. its cluster
   * answers). Optional: a driver without it is always available. The engine
   * neither starts nor reconciles work of an unavailable workspace, so a
   * cluster outage does not fail running work.
   */
  status?(workspace: string): Promise<DriverAvailability>;
  /**
   * Removes what the driver keeps for a project that is being deleted (the
   * Kubernetes driver: its namespace, and with it everything in it).
   * Optional; deleting twice is fine.
   */
  deleteProject?(workspace: string, projectId: string): Promise<void>;
}

/** @public */
export interface DriverAvailability {
  available: boolean;
  /** Why not, for people (e.g. the cluster's connection error). */
  message?: string;
}

/**
 * Thrown by `ComputeDriver.start` when the workload cannot start now but
 * may later (e.g. the cluster's ResourceQuota is used up). The engine puts
 * it back in the queue with the message as its reason instead of failing
 * the attempt.
 *
 * @public
 */
export class StartDeferredError extends Error {
  readonly name = 'StartDeferredError';
  constructor(message: string, readonly retryAfterSeconds?: number) {
    super(message);
  }
}

/**
 * True for a {@link StartDeferredError}, also one from another copy of
 * this package (checked by name, not class).
 *
 * @public
 */
export function isStartDeferredError(
  error: unknown,
): error is StartDeferredError {
  return (error as Error | undefined)?.name === 'StartDeferredError';
}
