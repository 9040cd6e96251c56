import { ResourceLimits } from '@ml-platform/plugin-ml-common';

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
  kind: 'session' | 'job' | 'model' | 'application' | 'build';
  workspace: string;
  projectId: string;
  projectName: string;
  runtime: { id: string; image?: string; command?: string };
  resources: ResourceLimits;
  /** Program and arguments, run in the project's working copy. */
  command: string[];
  env: Record<string, string>;
  /** True when the workload serves HTTP (sessions' web UI, models, apps). */
  exposesHttp: boolean;
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

/** @public */
export type ObservedPhase = 'pending' | 'running' | 'succeeded' | 'failed';

/** @public */
export interface ObservedWorkload extends WorkloadRef {
  phase: ObservedPhase;
  exitCode?: number;
  /** A person-readable reason (e.g. "OOMKilled", "the cluster has no room"). */
  reason?: string;
  usage?: ResourceLimits;
}

/**
 * The contract between the workload engine and a place that runs work.
 * `start` must be idempotent: a name that already exists counts as success.
 *
 * @public
 */
export interface ComputeDriver {
  /** Matches a workspace's `driver` field. */
  readonly name: string;
  start(spec: WorkloadSpec): Promise<void>;
  stop(ref: WorkloadRef): Promise<void>;
  /** The current state of everything this driver runs. */
  observe(): Promise<ObservedWorkload[]>;
  logs(
    ref: WorkloadRef,
    options: { follow: boolean; signal?: AbortSignal },
  ): AsyncIterable<string>;
  /** Runs code in an interactive workload (the session console). */
  exec?(ref: WorkloadRef, code: string): AsyncIterable<string>;
  /** Where an HTTP workload listens, if it does. */
  endpoint?(ref: WorkloadRef): Promise<{ url: string } | undefined>;
}
