import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ACTIVE_STATES,
  Job,
  Project,
  WorkloadTrigger,
} from '@ml-platform/plugin-ml-common';
import { JobInput, JobUpdate, RunInput } from '../../apiInputs';
import { v4 as uuid } from 'uuid';
import { JobStore, StoredJob } from './JobStore';
import { StoredWorkload, WorkloadStore } from '../../database';
import { WorkloadEngine } from '../../engine/WorkloadEngine';
import { WorkloadLauncher } from '../../engine/WorkloadLauncher';
import { EnvSecrets } from '../../secrets/EnvSecrets';
import { checkTimezone, latestDueTime, nextRuns, parseSchedule } from './cron';
import { ProjectFiles } from '../../projects/ProjectFiles';
import { ProjectService } from '../../projects/ProjectService';
import { projectFileToRun } from '../../projects/projectFileToRun';
import { ModelStore } from '../../models/ModelStore';
import { findProjectModel } from '../../models/modelLookup';
import { candidateMetricsEnv } from '../../models/promotion/candidateMetricsFile';

/**
 * Jobs and their runs. A run is an engine workload; a job has at most one
 * active run, runs on a cron schedule (each tick once, missed ticks
 * coalesced) or after its parent job's run succeeds.
 */
export class JobService {
  constructor(
    private readonly deps: {
      jobs: JobStore;
      projects: ProjectService;
      files: ProjectFiles;
      /** Where a job's candidate finds its model. */
      models: ModelStore;
      workloads: WorkloadStore;
      engine: WorkloadEngine;
      launcher: WorkloadLauncher;
      /** Seals the secrets of job and run env before they are stored. */
      secrets: Pick<EnvSecrets, 'seal'>;
      logger: LoggerService;
    },
  ) {}

  async list(projectId: string): Promise<Job[]> {
    await this.deps.projects.get(projectId);
    const jobs = await this.deps.jobs.listByProject(projectId);
    return Promise.all(jobs.map(j => this.present(j)));
  }

  async get(projectId: string, jobId: string): Promise<Job> {
    return this.present(await this.load(projectId, jobId));
  }

  private async load(projectId: string, jobId: string): Promise<StoredJob> {
    const job = await this.deps.jobs.get(jobId);
    if (!job || job.projectId !== projectId) {
      throw new NotFoundError(`No job with id '${jobId}' in this project`);
    }
    return job;
  }

  private async present(job: StoredJob): Promise<Job> {
    const { lastTickAt: _tick, ...rest } = job;
    const last = (await this.deps.workloads.list({ jobId: job.id, limit: 1 }))
      .items[0];
    return {
      ...rest,
      nextRuns: job.schedule && job.enabled ? this.nextRunsOf(job) : undefined,
      lastRun: last && {
        id: last.id,
        state: last.state,
        attempt: last.attempt,
        startedAt: last.startedAt,
        endedAt: last.endedAt,
        exitCode: last.exitCode,
      },
    };
  }

  /**
   * When a stored job fires next. Databases from before schedules were
   * checked for firing at all may hold one that never does ('0 0 30 2 *'):
   * such a job has no next runs, and the project's job list still loads.
   */
  private nextRunsOf(job: StoredJob): string[] {
    try {
      return nextRuns(job.schedule!, job.timezone, new Date(), 3);
    } catch (error) {
      this.deps.logger.warn(
        `Job ${job.id} has a schedule that cannot fire: ${
          (error as Error).message
        }`,
      );
      return [];
    }
  }

  /** Checks what a job refers to; every problem names its field. */
  private async validate(
    project: Project,
    job: Omit<StoredJob, 'createdAt' | 'updatedAt' | 'createdBy'>,
  ) {
    await projectFileToRun(this.deps.files, project.id, 'script', job.script);
    await this.deps.launcher.place({
      project,
      runtimeId: job.runtimeId,
      checkRuntime: true,
      profile: job.profile,
    });
    if (job.schedule && job.parentJobId) {
      throw new InputError(
        'schedule: a job has either a cron schedule or a parent job, not both',
      );
    }
    // Checked without a schedule too: one may be added later.
    if (job.schedule) parseSchedule(job.schedule, job.timezone);
    else checkTimezone(job.timezone);
    if (job.parentJobId) {
      const chain = [job.name];
      let cursor: string | undefined = job.parentJobId;
      for (let depth = 0; cursor; depth++) {
        const parent: StoredJob | undefined = await this.deps.jobs.get(cursor);
        if (!parent || parent.projectId !== project.id) {
          throw new InputError(
            `parentJobId: no job with id '${cursor}' in this project`,
          );
        }
        chain.push(parent.name);
        if (parent.id === job.id || depth > 1000) {
          throw new InputError(
            `parentJobId: this would make a dependency cycle: ${chain.join(
              ' → ',
            )}`,
          );
        }
        cursor = parent.parentJobId;
      }
    }
    if (job.candidate) {
      await findProjectModel(
        this.deps.models,
        project.id,
        job.candidate.model,
      ).catch(error => {
        if (error.name !== 'NotFoundError') throw error;
        throw new InputError(
          `candidate.model: no model '${job.candidate!.model}' in this project`,
        );
      });
    }
  }

  async create(
    projectId: string,
    input: JobInput,
    actor: string,
  ): Promise<Job> {
    const project = await this.deps.projects.get(projectId);
    const env = await this.deps.secrets.seal(input.env);
    const job = { ...input, env, id: uuid(), projectId, createdBy: actor };
    await this.validate(project, job);
    if (await this.deps.jobs.findByName(projectId, input.name)) {
      throw new ConflictError(
        `A job named '${input.name}' already exists in this project`,
      );
    }
    return this.present(await this.deps.jobs.create(job));
  }

  async update(
    projectId: string,
    jobId: string,
    patch: JobUpdate,
  ): Promise<Job> {
    const project = await this.deps.projects.get(projectId);
    const current = await this.load(projectId, jobId);
    const sealed = patch.env
      ? { ...patch, env: await this.deps.secrets.seal(patch.env, current.env) }
      : patch;
    const next = { ...current };
    for (const [k, v] of Object.entries(sealed)) {
      (next as any)[k] = v === null ? undefined : v;
    }
    await this.validate(project, next);
    if (
      patch.name &&
      patch.name !== current.name &&
      (await this.deps.jobs.findByName(projectId, patch.name))
    ) {
      throw new ConflictError(
        `A job named '${patch.name}' already exists in this project`,
      );
    }
    return this.present((await this.deps.jobs.update(jobId, sealed))!);
  }

  async delete(projectId: string, jobId: string): Promise<void> {
    await this.load(projectId, jobId);
    const active = await this.deps.workloads.list({
      jobId,
      states: ACTIVE_STATES,
    });
    for (const run of active.items)
      await this.deps.engine.stop(run.id, 'its job was deleted');
    await this.deps.jobs.delete(jobId);
  }

  async runs(projectId: string, jobId: string, limit = 50, offset = 0) {
    await this.load(projectId, jobId);
    return this.deps.workloads.list({ jobId, limit, offset });
  }

  /** Starts a run now; refused with 409 while another run is active. */
  async run(
    projectId: string,
    jobId: string,
    input: RunInput,
    actor: string,
    trigger: WorkloadTrigger = 'manual',
  ): Promise<StoredWorkload> {
    const project = await this.deps.projects.get(projectId);
    const job = await this.load(projectId, jobId);
    return this.startRun(project, job, input, actor, trigger, true);
  }

  /**
   * A run that a schedule or a parent job starts, with no extra env, on
   * behalf of `requester` of the job's project.
   */
  private async startTriggeredRun(
    job: StoredJob,
    requester: (project: Project) => string,
    trigger: WorkloadTrigger,
  ): Promise<void> {
    const project = await this.deps.projects.get(job.projectId);
    await this.startRun(
      project,
      job,
      { env: {} },
      requester(project),
      trigger,
      false,
    );
  }

  private async startRun(
    project: Project,
    job: StoredJob,
    input: RunInput,
    actor: string,
    trigger: WorkloadTrigger,
    refuseIfActive: boolean,
  ): Promise<StoredWorkload> {
    const active = await this.deps.workloads.list({
      jobId: job.id,
      states: ACTIVE_STATES,
      limit: 1,
    });
    const busy = () =>
      new ConflictError(
        `Job '${job.name}' already has an active run (${
          active.items[0]?.state ?? 'just started'
        }); stop it or wait for it to end`,
      );
    if (active.totalSize > 0) throw busy();
    const placement = await this.deps.launcher.place({
      project,
      runtimeId: job.runtimeId,
      profile: job.profile,
    });
    const runEnv = await this.deps.secrets.seal(input.env);
    const runNumber =
      (await this.deps.workloads.list({ jobId: job.id, limit: 1 })).totalSize +
      1;
    // A run with a candidate is told where to write its metrics, by its id.
    const runId = uuid();
    const { workload, created } = await this.deps.launcher.launch(placement, {
      id: runId,
      kind: 'job',
      name: `${job.name} #${runNumber}`,
      requester: actor,
      args: [job.script, ...(input.args ?? job.args)],
      env: [job.env, runEnv],
      platformEnv: {
        ML_JOB_ID: job.id,
        ML_JOB_NAME: job.name,
        ...(job.candidate ? candidateMetricsEnv(runId) : {}),
      },
      maxAttempts: job.maxRetries + 1,
      retryBackoffSeconds: job.retryBackoffSeconds,
      timeoutSeconds: job.timeoutSeconds,
      jobId: job.id,
      trigger,
      // Two triggers racing for the same run number: only one run is made.
      idempotencyKey: `job-run:${job.id}:${runNumber}`,
    });
    if (!created && refuseIfActive) throw busy();
    return workload;
  }

  /** Enqueues due cron ticks; each (job, time) once across all backends. */
  async tick(now: Date = new Date()): Promise<number> {
    let enqueued = 0;
    for (const job of await this.deps.jobs.listScheduled()) {
      try {
        const due = latestDueTime(
          job.schedule!,
          job.timezone,
          new Date(job.lastTickAt ?? job.createdAt),
          now,
        );
        if (
          !due ||
          !(await this.deps.jobs.claimTick(job.id, due.toISOString()))
        )
          continue;
        await this.startTriggeredRun(job, project => project.owner, 'schedule');
        enqueued += 1;
      } catch (error) {
        this.deps.logger.warn(
          `Scheduled run of job ${job.id} skipped: ${(error as Error).message}`,
        );
      }
    }
    return enqueued;
  }

  /** After a run succeeds, its job's dependents run (the pipeline fans out). */
  async onWorkloadEnded(w: StoredWorkload): Promise<void> {
    if (w.kind !== 'job' || !w.jobId || w.state !== 'succeeded') return;
    for (const child of await this.deps.jobs.children(w.jobId)) {
      if (!child.enabled) continue;
      try {
        await this.startTriggeredRun(child, () => w.requester, 'dependency');
      } catch (error) {
        this.deps.logger.warn(
          `Dependent job ${child.id} did not start: ${
            (error as Error).message
          }`,
        );
      }
    }
  }
}
