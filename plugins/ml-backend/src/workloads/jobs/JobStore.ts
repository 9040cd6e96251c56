import { Knex } from 'knex';
import { EnvVars, Job, JobCandidate } from '@ml-platform/plugin-ml-common';
import { envFromColumn, envToColumn } from '../../database/envColumn';
import { nowIso, parseJson } from '../../database/listing';
import {
  IdTableStore,
  PatchColumns,
  fromStampColumns,
  sameColumns,
} from '../../database/rows';

type JobRow = {
  id: string;
  project_id: string;
  name: string;
  script: string;
  args: string;
  env: string;
  runtime_id: string;
  profile: string;
  timeout_seconds: number | null;
  max_retries: number;
  retry_backoff_seconds: number;
  schedule: string | null;
  timezone: string;
  parent_job_id: string | null;
  enabled: boolean | number;
  candidate: string | null;
  last_tick_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type StoredJob = Job & { lastTickAt?: string };
export type NewJob = Omit<
  Job,
  'createdAt' | 'updatedAt' | 'nextRuns' | 'lastRun'
>;
export type JobPatch = Partial<{
  name: string;
  script: string;
  args: string[];
  env: EnvVars;
  runtimeId: string;
  profile: string;
  timeoutSeconds: number | null;
  maxRetries: number;
  retryBackoffSeconds: number;
  schedule: string | null;
  timezone: string;
  parentJobId: string | null;
  enabled: boolean;
  candidate: JobCandidate | null;
}>;

const PATCH_COLUMNS: PatchColumns<JobPatch, JobRow> = {
  name: 'name',
  script: 'script',
  args: args => ({ args: JSON.stringify(args) }),
  env: env => ({ env: envToColumn(env) }),
  runtimeId: 'runtime_id',
  profile: 'profile',
  timeoutSeconds: 'timeout_seconds',
  maxRetries: 'max_retries',
  retryBackoffSeconds: 'retry_backoff_seconds',
  schedule: 'schedule',
  timezone: 'timezone',
  parentJobId: 'parent_job_id',
  enabled: 'enabled',
  candidate: candidate => ({ candidate: candidateToColumn(candidate) }),
};

/** The columns that hold a field of the job as it is. */
const SAME_COLUMNS = sameColumns<JobRow>()(
  [
    'id',
    'project_id',
    'name',
    'script',
    'runtime_id',
    'profile',
    'max_retries',
    'retry_backoff_seconds',
    'timezone',
    'created_by',
  ],
  ['timeout_seconds', 'schedule', 'parent_job_id'],
);

function candidateToColumn(candidate?: JobCandidate | null): string | null {
  return candidate ? JSON.stringify(candidate) : null;
}

function toJob(row: JobRow): StoredJob {
  return {
    ...SAME_COLUMNS.fromRow(row),
    args: parseJson<string[]>(row.args, []),
    env: envFromColumn(row.env),
    enabled: Boolean(row.enabled),
    candidate: parseJson<JobCandidate | undefined>(row.candidate, undefined),
    lastTickAt: row.last_tick_at ?? undefined,
    ...fromStampColumns(row),
  };
}

/** Jobs: what to run, how, and when (cron or after a parent job). */
export class JobStore extends IdTableStore<JobRow, StoredJob> {
  constructor(db: Knex) {
    super(db, 'jobs', toJob);
  }

  async listByProject(projectId: string): Promise<StoredJob[]> {
    return this.findAll({ project_id: projectId }, 'name');
  }

  async listScheduled(): Promise<StoredJob[]> {
    const rows = await this.db<JobRow>('jobs')
      .whereNotNull('schedule')
      .where({ enabled: true });
    return rows.map(toJob);
  }

  async children(parentJobId: string): Promise<StoredJob[]> {
    const rows = await this.db<JobRow>('jobs').where({
      parent_job_id: parentJobId,
    });
    return rows.map(toJob);
  }

  async findByName(
    projectId: string,
    name: string,
  ): Promise<StoredJob | undefined> {
    return this.findOne({ project_id: projectId, name });
  }

  async create(job: NewJob): Promise<StoredJob> {
    const now = nowIso();
    return this.insertOne(
      {
        ...SAME_COLUMNS.toRow(job),
        args: JSON.stringify(job.args),
        env: envToColumn(job.env),
        enabled: job.enabled,
        candidate: candidateToColumn(job.candidate),
        // Cron starts from creation: no backfill of earlier times.
        last_tick_at: now,
      },
      now,
    );
  }

  async update(id: string, patch: JobPatch): Promise<StoredJob | undefined> {
    return this.updateOne({ id }, patch, PATCH_COLUMNS);
  }

  /** Removes every job of a project (the project is being deleted). */
  async deleteAllOfProject(projectId: string): Promise<number> {
    return this.db('jobs').where({ project_id: projectId }).delete();
  }

  async delete(id: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      // Children keep existing, as manual jobs.
      await tx('jobs')
        .where({ parent_job_id: id })
        .update({ parent_job_id: null });
      return (await tx('jobs').where({ id }).delete()) > 0;
    });
  }

  /**
   * Claims cron time `tick` for a job: true for exactly one caller per tick,
   * however many backends evaluate the schedule at once.
   */
  async claimTick(id: string, tick: string): Promise<boolean> {
    const updated = await this.db('jobs')
      .where({ id })
      .where(q =>
        q.whereNull('last_tick_at').orWhere('last_tick_at', '<', tick),
      )
      .update({ last_tick_at: tick });
    return updated === 1;
  }
}
