import { EnvVars } from './env';
import { ResourceLimits } from './types';

/**
 * Types of the workload engine's API: sessions, job runs and, later, model
 * replicas, applications and builds are all workloads.
 */

/** @public */
export type WorkloadState =
  | 'queued'
  | 'starting'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'stopped'
  | 'timed_out';

/** @public */
export const TERMINAL_STATES: readonly WorkloadState[] = [
  'succeeded',
  'failed',
  'stopped',
  'timed_out',
];

/** @public */
export const ACTIVE_STATES: readonly WorkloadState[] = [
  'queued',
  'starting',
  'running',
];

/** @public */
export type WorkloadKindName =
  | 'session'
  | 'job'
  | 'model'
  | 'application'
  | 'build';

/** @public */
export type WorkloadTrigger = 'manual' | 'schedule' | 'dependency' | 'api';

/** @public */
export interface Workload {
  id: string;
  kind: WorkloadKindName;
  name?: string;
  projectId: string;
  workspace: string;
  runtimeId: string;
  profile?: string;
  resources: ResourceLimits;
  /** The user or team whose quota this counts against (the project owner). */
  chargedSubject: string;
  requester: string;
  state: WorkloadState;
  /** Why it is in this state: why it waits, why it failed. */
  reason?: string;
  /** 1-based place in its workspace's queue while queued. */
  queuePosition?: number;
  attempt: number;
  maxAttempts: number;
  jobId?: string;
  trigger?: WorkloadTrigger;
  args: string[];
  exitCode?: number;
  nodeId?: string;
  queuedAt: string;
  retryAt?: string;
  startedAt?: string;
  endedAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export interface WorkloadEvent {
  at: string;
  attempt: number;
  from?: WorkloadState;
  to: WorkloadState;
  reason?: string;
}

/** @public */
export interface WorkspaceNode {
  id: string;
  workspace: string;
  group: string;
  ready: boolean;
  readyAt: string;
  allocated: ResourceLimits;
  capacity: ResourceLimits;
}

/** @public */
export interface Job {
  id: string;
  projectId: string;
  name: string;
  script: string;
  args: string[];
  /** Secrets masked. */
  env: EnvVars;
  runtimeId: string;
  profile: string;
  timeoutSeconds?: number;
  maxRetries: number;
  retryBackoffSeconds: number;
  schedule?: string;
  timezone: string;
  parentJobId?: string;
  enabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** The next (up to three) times a cron schedule fires. */
  nextRuns?: string[];
  lastRun?: Pick<
    Workload,
    'id' | 'state' | 'attempt' | 'startedAt' | 'endedAt' | 'exitCode'
  >;
}
