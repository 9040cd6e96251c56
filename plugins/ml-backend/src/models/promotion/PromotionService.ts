import { LoggerService } from '@backstage/backend-plugin-api';
import { EnvVars, Model, PromotionPolicy } from '@ml-platform/plugin-ml-common';
import { BuildInput, DeploymentInput } from '../../apiInputs';
import { StoredWorkload } from '../../database';
import { StoredJob } from '../../workloads/jobs/JobStore';
import { StoredModelBuild } from '../builds/ModelBuildStore';
import { StoredDeployment } from '../deployments/ModelDeploymentStore';
import { Candidate, CandidateWeighing } from './candidateWeighing';
import { ModelHistory } from './ModelHistory';
import { decidePromotion } from './promotionDecision';
import { CandidateRuns, CandidateVersion } from './TrackedCandidates';
import { ProjectFiles } from '../../projects/ProjectFiles';

/** How long a candidate's build may take before the promotion gives up. */
const BUILD_WAIT_MS = 3600_000;

/**
 * A candidate build's comment names the run it is the candidate of: a
 * restart finds the run (and so the job, model and policy) again from it.
 */
const candidateComment = (jobName: string, runId: string) =>
  `Candidate of job ${jobName}, run ${runId}`;
const CANDIDATE_COMMENT = /, run ([0-9a-f-]{36})$/;

/**
 * The active deployment's env as a new deployment's input: plain values as
 * they are, secrets as `{ secret: true }` to keep their sealed value.
 */
function envKeepingSecrets(env: EnvVars): DeploymentInput['env'] {
  return Object.fromEntries(
    Object.entries(env).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : { secret: true as const },
    ]),
  );
}

/** A candidate that could not be built, and why (with the build, if made). */
class PromotionFailure extends Error {
  constructor(message: string, readonly buildId?: string) {
    super(message);
  }
}

/**
 * Gated redeploy: when a run of a job that declares a candidate for a model
 * succeeds and the model has an enabled promotion policy, the candidate's
 * metric (from its MLflow run or the job's metrics file) is compared with the
 * active deployment's. A better one is built, given its evaluation, and
 * deployed in place of the active one (whose replicas keep serving until
 * the new ones are ready); otherwise it is refused. Every outcome goes to
 * the model's history with its reason.
 */
export class PromotionService {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly weighing: CandidateWeighing;
  private readonly buildWaiters = new Map<
    string,
    (build: StoredModelBuild) => void
  >();

  constructor(
    private readonly deps: {
      jobs: { get(id: string): Promise<StoredJob | undefined> };
      models: {
        get(id: string): Promise<Model | undefined>;
        findByName(projectId: string, name: string): Promise<Model | undefined>;
      };
      policies: { get(modelId: string): Promise<PromotionPolicy | undefined> };
      builds: {
        get(id: string): Promise<StoredModelBuild | undefined>;
        listAwaitingPromotion(): Promise<StoredModelBuild[]>;
        setEvaluation(
          id: string,
          evaluation: Record<string, number>,
        ): Promise<void>;
      };
      deployments: { get(id: string): Promise<StoredDeployment | undefined> };
      buildService: {
        create(
          projectId: string,
          modelId: string,
          input: BuildInput,
          actor: string,
        ): Promise<StoredModelBuild>;
        onBuildEnded(listener: (build: StoredModelBuild) => void): void;
      };
      deploymentService: {
        create(
          projectId: string,
          modelId: string,
          input: DeploymentInput,
          actor: string,
          previousEnv?: EnvVars,
        ): Promise<{ id: string }>;
      };
      /** Job runs, by id, for promotions resumed after a restart. */
      workloads: { get(id: string): Promise<StoredWorkload | undefined> };
      runs: CandidateRuns;
      files: Pick<ProjectFiles, 'read'>;
      history: ModelHistory;
      logger: LoggerService;
      buildWaitMs?: number;
    },
  ) {
    this.weighing = new CandidateWeighing(deps);
    deps.buildService.onBuildEnded(build => {
      this.buildWaiters.get(build.id)?.(build);
    });
  }

  /**
   * Weighs the candidate of a job run that just succeeded. Returns at once:
   * a build may take long, and other listeners of the run's end must not
   * wait for it.
   */
  onWorkloadEnded(run: StoredWorkload): void {
    if (run.kind !== 'job' || !run.jobId || run.state !== 'succeeded') return;
    this.track(
      this.consider(run),
      `Promotion of the candidate of run ${run.id} failed`,
    );
  }

  private track(work: Promise<void>, failure: string): void {
    const tracked = work.catch(error =>
      this.deps.logger.warn(`${failure}: ${error}`),
    );
    this.inFlight.add(tracked);
    tracked.finally(() => this.inFlight.delete(tracked));
  }

  /** Resolves when every promotion under way has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Weighs a run's candidate and promotes or refuses it. */
  async consider(run: StoredWorkload): Promise<void> {
    const candidate = await this.weighing.candidateOf(run);
    if (!candidate) return;
    const { model, policy } = candidate;
    const valued = await this.weighing.candidateValue(candidate);
    const base = {
      runId: run.id,
      jobId: candidate.job.id,
      metric: policy.metric,
      ...(valued.version && {
        registeredModel: valued.version.registeredModel,
        version: valued.version.version,
      }),
    };
    if ('missing' in valued) {
      await this.record(candidate, 'candidate_refused', valued.missing, base);
      return;
    }
    const active = await this.weighing.activeValue(model, policy.metric);
    const decision = decidePromotion(
      policy,
      valued.value,
      active.value,
      active.why,
    );
    const compared = {
      ...base,
      candidateValue: valued.value,
      ...(active.value !== undefined && { activeValue: active.value }),
      margin: policy.margin,
    };
    if (!decision.promote) {
      await this.record(
        candidate,
        'candidate_refused',
        decision.reason,
        compared,
      );
      return;
    }
    let build: StoredModelBuild;
    try {
      build = await this.createCandidateBuild(
        candidate,
        valued.version,
        active.deployment,
      );
      // The evaluation marks the build as awaited by a promotion, in the
      // database: a restart before it is deployed resumes from there.
      await this.deps.builds.setEvaluation(build.id, {
        [policy.metric]: valued.value,
      });
    } catch (error) {
      await this.recordFailure(candidate, decision.reason, compared, error);
      return;
    }
    await this.deployWhenBuilt(candidate, build, decision.reason, compared);
  }

  /**
   * Resumes the promotions a restart interrupted: every candidate build
   * still awaited (see ModelBuildStore.listAwaitingPromotion) is weighed
   * again against the active deployment as it now is, then deployed once
   * built or refused. Returns at once, like onWorkloadEnded.
   */
  resume(): void {
    this.track(
      (async () => {
        for (const build of await this.deps.builds.listAwaitingPromotion()) {
          await this.resumeBuild(build).catch(error =>
            this.deps.logger.warn(
              `Promotion of candidate build ${build.id} was not resumed: ${error}`,
            ),
          );
        }
      })(),
      'Resuming promotions failed',
    );
  }

  private async resumeBuild(build: StoredModelBuild): Promise<void> {
    const runId = CANDIDATE_COMMENT.exec(build.comment)?.[1];
    const run = runId && (await this.deps.workloads.get(runId));
    const candidate = run ? await this.weighing.candidateOf(run) : undefined;
    const value = candidate && build.evaluation?.[candidate.policy.metric];
    if (!candidate || value === undefined) return;
    const { policy, model } = candidate;
    const active = await this.weighing.activeValue(model, policy.metric);
    const compared = {
      runId: candidate.run.id,
      jobId: candidate.job.id,
      metric: policy.metric,
      candidateValue: value,
      ...(active.value !== undefined && { activeValue: active.value }),
      margin: policy.margin,
      buildId: build.id,
    };
    if (active.deployment?.buildId === build.id) {
      await this.record(
        candidate,
        'candidate_promoted',
        `Promoted build #${build.number}: it serves already`,
        { ...compared, deploymentId: active.deployment.id },
      );
      return;
    }
    const decision = decidePromotion(policy, value, active.value, active.why);
    if (!decision.promote) {
      await this.record(
        candidate,
        'candidate_refused',
        `${decision.reason} (weighed again after a restart)`,
        compared,
      );
      return;
    }
    await this.deployWhenBuilt(candidate, build, decision.reason, compared);
  }

  /** Waits for the candidate's build, then deploys it in place of the active deployment. */
  private async deployWhenBuilt(
    candidate: Candidate,
    created: StoredModelBuild,
    reason: string,
    compared: Record<string, unknown>,
  ): Promise<void> {
    const { model, run } = candidate;
    try {
      const build = await this.builtOrEnded(created.id).catch(error => {
        throw new PromotionFailure((error as Error).message, created.id);
      });
      if (build.state !== 'built') {
        throw new PromotionFailure(
          `build #${build.number} ${build.state}${
            build.reason ? `: ${build.reason}` : ''
          }`,
          build.id,
        );
      }
      // The active deployment as it is now: its settings carry over.
      const fresh = await this.deps.models.get(model.id);
      const active = fresh?.activeDeploymentId
        ? await this.deps.deployments.get(fresh.activeDeploymentId)
        : undefined;
      const deployment = await this.deps.deploymentService.create(
        model.projectId,
        model.id,
        {
          buildId: build.id,
          replicas: active?.replicas ?? 1,
          profile: active?.profile ?? build.profile,
          env: envKeepingSecrets(active?.env ?? {}),
        },
        run.requester,
        active?.env,
      );
      await this.record(
        candidate,
        'candidate_promoted',
        `Promoted build #${build.number}: ${reason}`,
        { ...compared, buildId: build.id, deploymentId: deployment.id },
      );
    } catch (error) {
      await this.recordFailure(
        candidate,
        reason,
        { ...compared, buildId: created.id },
        error,
      );
    }
  }

  private async recordFailure(
    candidate: Candidate,
    reason: string,
    details: Record<string, unknown>,
    error: unknown,
  ): Promise<void> {
    const why = error instanceof Error ? error.message : String(error);
    const buildId =
      details.buildId ??
      (error instanceof PromotionFailure ? error.buildId : undefined);
    await this.record(
      candidate,
      'candidate_failed',
      `${reason}, but the candidate could not be ${
        error instanceof PromotionFailure ? 'built' : 'deployed'
      }: ${why}`,
      { ...details, ...(buildId ? { buildId } : {}) },
    );
  }

  /** Starts the candidate's build; PromotionFailure when it cannot be made. */
  private async createCandidateBuild(
    candidate: Candidate,
    version: CandidateVersion | undefined,
    active: StoredDeployment | undefined,
  ): Promise<StoredModelBuild> {
    const { declared, model, job, run } = candidate;
    const activeBuild = active && (await this.deps.builds.get(active.buildId));
    // A version without a file of the project's is served by MLflow's
    // loader; a build of the project's files takes the active one's file
    // and function unless the job names them.
    let served: { filePath: string; functionName: string } | undefined;
    if (declared.filePath) {
      served = {
        filePath: declared.filePath,
        functionName: declared.functionName ?? 'predict',
      };
    } else if (!version && activeBuild) {
      served = {
        filePath: activeBuild.filePath,
        functionName: declared.functionName ?? activeBuild.functionName,
      };
    }
    if (!version && !served) {
      throw new PromotionFailure(
        'the job names no filePath and the model has no active build to take it from',
      );
    }
    let build: StoredModelBuild;
    try {
      build = await this.deps.buildService.create(
        model.projectId,
        model.id,
        {
          ...served,
          ...(version && {
            registeredModel: {
              name: version.registeredModel,
              version: version.version,
            },
          }),
          runtimeId: activeBuild?.runtimeId ?? job.runtimeId,
          ...(activeBuild && { profile: activeBuild.profile }),
          comment: candidateComment(job.name, run.id),
          examples: activeBuild?.examples ?? [],
          env: {},
        },
        run.requester,
      );
    } catch (error) {
      throw new PromotionFailure((error as Error).message);
    }
    return build;
  }

  /** The build once it has ended, or as it is when the wait runs out. */
  private async builtOrEnded(buildId: string): Promise<StoredModelBuild> {
    const ended = new Promise<StoredModelBuild>(resolve =>
      this.buildWaiters.set(buildId, resolve),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      // It may have ended before the waiter was set.
      const now = await this.deps.builds.get(buildId);
      if (now && !['queued', 'building'].includes(now.state)) return now;
      const timedOut = new Promise<undefined>(resolve => {
        timer = setTimeout(
          () => resolve(undefined),
          this.deps.buildWaitMs ?? BUILD_WAIT_MS,
        );
      });
      const build = await Promise.race([ended, timedOut]);
      if (!build) {
        throw new PromotionFailure(
          `the build did not end within ${Math.round(
            (this.deps.buildWaitMs ?? BUILD_WAIT_MS) / 1000,
          )} s`,
        );
      }
      return build;
    } finally {
      clearTimeout(timer);
      this.buildWaiters.delete(buildId);
    }
  }

  private async record(
    candidate: Candidate,
    kind: 'candidate_promoted' | 'candidate_refused' | 'candidate_failed',
    message: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.deps.history.add({
      projectId: candidate.model.projectId,
      modelId: candidate.model.id,
      kind,
      message,
      details,
    });
  }
}
