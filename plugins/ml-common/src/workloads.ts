import type { MlApiComponents } from './schema/openapi';

/**
 * Types of the workload engine's API: sessions, job runs, model replicas,
 * applications and builds are all workloads. Aliases of openapi.yaml's
 * schemas.
 */

type Schemas = MlApiComponents['schemas'];

/** @public */
export type WorkloadState = Schemas['WorkloadState'];

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
export type WorkloadKindName = Schemas['WorkloadKind'];

/** @public */
export type WorkloadTrigger = Schemas['WorkloadTrigger'];

/** @public */
export type Workload = Schemas['Workload'];

/**
 * One cell run in a session's console, as its transcript keeps it.
 *
 * @public
 */
export type SessionCell = Schemas['SessionCell'];

/** @public */
export type WorkloadEvent = Schemas['WorkloadEvent'];

/** @public */
export type WorkspaceNode = Schemas['WorkspaceNode'];

/** @public */
export type Job = Schemas['Job'];
