import { Knex } from 'knex';
import {
  ResourceLimits,
  Workload,
  WorkloadEvent,
  WorkloadKindName,
  WorkloadState,
  WorkloadTrigger,
} from '@ml-platform/plugin-ml-common';
import { SealedSecret } from '../secrets/SealedSecret';
import { secretsFromColumn, secretsToColumn } from './envColumn';
import { isUniqueViolation } from './errors';
import { nowIso, parseJson } from './listing';
import {
  ResourceColumns,
  fromResourceColumns,
  toResourceColumns,
} from './resourceColumns';
import { IdTableStore, fromStampColumns, sameColumns } from './rows';

export type WorkloadRow = ResourceColumns & {
  id: string;
  kind: string;
  name: string | null;
  project_id: string;
  workspace: string;
  runtime_id: string;
  profile: string | null;
  charged_subject: string;
  requester: string;
  priority: number;
  state: string;
  reason: string | null;
  attempt: number;
  max_attempts: number;
  retry_backoff_seconds: number;
  args: string;
  env: string;
  secret_env: string;
  ports: string;
  timeout_seconds: number | null;
  idle_timeout_seconds: number | null;
  node_id: string | null;
  job_id: string | null;
  trigger: string | null;
  idempotency_key: string | null;
  exit_code: number | null;
  queued_at: string;
  retry_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  last_activity_at: string | null;
  work_dir: string | null;
  model_id: string | null;
  deployment_id: string | null;
  created_at: string;
  updated_at: string;
};

/** What the engine needs of a workload besides its public shape. */
export interface StoredWorkload extends Workload {
  /** The plain variables of its merged env. */
  env: Record<string, string>;
  /** The secret ones, sealed; opened only for the driver (specFor). */
  secretEnv: Record<string, SealedSecret>;
  ports: string[];
  priority: number;
  retryBackoffSeconds: number;
  timeoutSeconds?: number;
  idleTimeoutSeconds?: number;
  lastActivityAt?: string;
  /** The folder it runs in (a build snapshot); the project folder when absent. */
  workDir?: string;
  /**
   * The model a build or model replica belongs to (and a replica's
   * deployment), as the platform set it: what the workload API scopes by.
   */
  modelId?: string;
  deploymentId?: string;
}

export interface NewWorkload {
  id: string;
  kind: WorkloadKindName;
  name?: string;
  projectId: string;
  workspace: string;
  runtimeId: string;
  profile?: string;
  resources: ResourceLimits;
  chargedSubject: string;
  requester: string;
  priority?: number;
  maxAttempts: number;
  retryBackoffSeconds: number;
  args: string[];
  env: Record<string, string>;
  secretEnv?: Record<string, SealedSecret>;
  ports: string[];
  timeoutSeconds?: number;
  idleTimeoutSeconds?: number;
  jobId?: string;
  trigger?: WorkloadTrigger;
  idempotencyKey?: string;
  reason?: string;
  workDir?: string;
  modelId?: string;
  deploymentId?: string;
}

/** Columns a transition may change together with the state. */
export type WorkloadPatch = Partial<
  Pick<
    WorkloadRow,
    | 'reason'
    | 'node_id'
    | 'attempt'
    | 'exit_code'
    | 'retry_at'
    | 'started_at'
    | 'ended_at'
    | 'queued_at'
    | 'last_activity_at'
  >
>;

/** The columns that hold a field of a {@link NewWorkload} as it is. */
const NEW_COLUMNS = sameColumns<WorkloadRow>()(
  [
    'id',
    'project_id',
    'workspace',
    'runtime_id',
    'charged_subject',
    'requester',
    'max_attempts',
    'retry_backoff_seconds',
  ],
  [
    'name',
    'profile',
    'timeout_seconds',
    'idle_timeout_seconds',
    'job_id',
    'work_dir',
    'model_id',
    'deployment_id',
  ],
);

/** The columns of its runs that hold a field of the workload as they are. */
const RUN_COLUMNS = sameColumns<WorkloadRow>()(
  ['attempt', 'queued_at'],
  [
    'node_id',
    'exit_code',
    'retry_at',
    'started_at',
    'ended_at',
    'last_activity_at',
  ],
);

export function toWorkload(row: WorkloadRow): StoredWorkload {
  return {
    ...NEW_COLUMNS.fromRow(row),
    ...RUN_COLUMNS.fromRow(row),
    kind: row.kind as WorkloadKindName,
    resources: fromResourceColumns(row),
    priority: row.priority,
    state: row.state as WorkloadState,
    reason: row.reason ?? undefined,
    args: parseJson<string[]>(row.args, []),
    env: parseJson<Record<string, string>>(row.env, {}),
    secretEnv: secretsFromColumn(row.secret_env),
    ports: parseJson<string[]>(row.ports, []),
    trigger: (row.trigger as WorkloadTrigger) ?? undefined,
    ...fromStampColumns(row),
  };
}

/** The public shape: no env (it may hold secrets) and no engine internals. */
export function publicWorkload(w: StoredWorkload): Workload {
  const {
    env: _env,
    secretEnv: _secretEnv,
    modelId: _modelId,
    deploymentId: _deploymentId,
    ports: _ports,
    priority: _priority,
    retryBackoffSeconds: _backoff,
    timeoutSeconds: _timeout,
    idleTimeoutSeconds: _idle,
    lastActivityAt: _activity,
    workDir: _workDir,
    ...rest
  } = w;
  return rest;
}

/**
 * Workloads and their event history. Every state change is a compare-and-set
 * on the current state (and attempt), so two backends racing over the same
 * workload cannot both move it, and each change writes its event in the same
 * transaction.
 */
export class WorkloadStore extends IdTableStore<WorkloadRow, StoredWorkload> {
  constructor(db: Knex) {
    super(db, 'workloads', toWorkload);
  }

  /**
   * Inserts a queued workload. With an idempotency key that exists already,
   * returns the existing workload instead (`created: false`).
   */
  async insert(
    w: NewWorkload,
    tx?: Knex,
  ): Promise<{ workload: StoredWorkload; created: boolean }> {
    const db = tx ?? this.db;
    const now = nowIso();
    const row = {
      ...NEW_COLUMNS.toRow(w),
      // Its first attempt, queued now: none of the other run columns yet.
      ...RUN_COLUMNS.toRow({ attempt: 1, queuedAt: now }),
      kind: w.kind,
      ...(toResourceColumns(w.resources) as ResourceColumns),
      priority: w.priority ?? 0,
      state: 'queued',
      reason: w.reason ?? 'waiting for admission',
      args: JSON.stringify(w.args),
      env: JSON.stringify(w.env),
      secret_env: secretsToColumn(w.secretEnv ?? {}),
      ports: JSON.stringify(w.ports),
      trigger: w.trigger ?? null,
      idempotency_key: w.idempotencyKey ?? null,
      created_at: now,
      updated_at: now,
    };
    try {
      await db.transaction(async trx => {
        await trx('workloads').insert(row);
        await trx('workload_events').insert({
          workload_id: w.id,
          attempt: 1,
          at: now,
          from_state: null,
          to_state: 'queued',
          reason: row.reason,
        });
      });
      return { workload: toWorkload(row as WorkloadRow), created: true };
    } catch (error) {
      if (w.idempotencyKey && isUniqueViolation(error)) {
        const existing = await db<WorkloadRow>('workloads')
          .where({ idempotency_key: w.idempotencyKey })
          .first();
        if (existing) return { workload: toWorkload(existing), created: false };
      }
      throw error;
    }
  }

  async list(filter: {
    projectId?: string;
    kind?: WorkloadKindName;
    jobId?: string;
    states?: readonly WorkloadState[];
    workspace?: string;
    limit?: number;
    offset?: number;
  }): Promise<{ items: StoredWorkload[]; totalSize: number }> {
    const query = this.db<WorkloadRow>('workloads').modify(q => {
      if (filter.projectId) q.where('project_id', filter.projectId);
      if (filter.kind) q.where('kind', filter.kind);
      if (filter.jobId) q.where('job_id', filter.jobId);
      if (filter.workspace) q.where('workspace', filter.workspace);
      if (filter.states) q.whereIn('state', filter.states as string[]);
    });
    const [{ count }] = await query
      .clone()
      .count<{ count: string | number }[]>({ count: '*' });
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0);
    return { items: rows.map(toWorkload), totalSize: Number(count) };
  }

  /** Active workloads of every workspace, for the reconcile loop. */
  async listByStates(
    states: readonly WorkloadState[],
  ): Promise<StoredWorkload[]> {
    const rows = await this.db<WorkloadRow>('workloads').whereIn(
      'state',
      states as string[],
    );
    return rows.map(toWorkload);
  }

  async events(id: string): Promise<WorkloadEvent[]> {
    const rows = await this.db('workload_events')
      .where({ workload_id: id })
      .orderBy('id');
    return rows.map(r => ({
      at: r.at,
      attempt: r.attempt,
      from: r.from_state ?? undefined,
      to: r.to_state,
      reason: r.reason ?? undefined,
    }));
  }

  /**
   * Moves a workload from one of `from` (at `attempt`, if given) to `to`.
   * Returns false, changing nothing, when someone else moved it first.
   */
  async transition(
    id: string,
    guard: { from: readonly WorkloadState[]; attempt?: number },
    to: WorkloadState,
    patch: WorkloadPatch = {},
    tx?: Knex,
  ): Promise<boolean> {
    const run = async (trx: Knex) => {
      const current = await trx<WorkloadRow>('workloads')
        .where({ id })
        .first('state', 'attempt');
      if (!current) return false;
      const now = nowIso();
      const updated = await trx('workloads')
        .where({ id, state: current.state, attempt: current.attempt })
        .whereIn('state', guard.from as string[])
        .modify(q => {
          if (guard.attempt !== undefined) q.where('attempt', guard.attempt);
        })
        .update({ ...patch, state: to, updated_at: now });
      if (updated !== 1) return false;
      await trx('workload_events').insert({
        workload_id: id,
        attempt: patch.attempt ?? current.attempt,
        at: now,
        from_state: current.state,
        to_state: to,
        reason: patch.reason ?? null,
      });
      return true;
    };
    return tx ? run(tx) : this.db.transaction(run);
  }

  async touchActivity(id: string): Promise<void> {
    await this.db('workloads')
      .where({ id })
      .update({ last_activity_at: nowIso() });
  }
}
