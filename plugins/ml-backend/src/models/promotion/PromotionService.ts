import { LoggerService } from '@backstage/backend-plugin-api';
import {
  JobCandidate,
  Model,
  PromotionPolicy,
} from '@ml-platform/plugin-ml-common';
import { BuildInput, DeploymentInput } from '../../apiInputs';
import { StoredWorkload } from '../../database';
import { StoredJob } from '../../workloads/jobs/JobStore';
import { StoredModelBuild } from '../builds/ModelBuildStore';
import { StoredDeployment } from '../deployments/ModelDeploymentStore';
import { readCandidateMetrics } from './candidateMetricsFile';
import { ModelHistory } from './ModelHistory';
import { decidePromotion } from './promotionDecision';
import { CandidateRuns, CandidateVersion } from './TrackedCandidates';
import { ProjectFiles } from '../../projects/ProjectFiles';

/** How long a candidate's build may take before the promotion gives up. */
const BUILD_WAIT_MS = 3600_000;

/** What a promotion knows of the candidate it weighs. */
interface Candidate {
  run: StoredWorkload;
  job: StoredJob;
  declared: JobCandidate;
  model: Model;
  policy: PromotionPolicy;
}

/** The candidate's value of the metric, or why there is none. */
type Valued =
  | { value: number; version?: CandidateVersion }
  | { missing: string; version?: CandidateVersion };

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
        ): Promise<{ id: string }>;
      };
      runs: CandidateRuns;
      files: Pick<ProjectFiles, 'read'>;
      history: ModelHistory;
      logger: LoggerService;
      buildWaitMs?: number;
    },
  ) {
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
    const work = this.consider(run).catch(error =>
      this.deps.logger.warn(
        `Promotion of the candidate of run ${run.id} failed: ${error}`,
      ),
    );
    this.inFlight.add(work);
    work.finally(() => this.inFlight.delete(work));
  }

  /** Resolves when every promotion under way has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Weighs a run's candidate and promotes or refuses it. */
  async consider(run: StoredWorkload): Promise<void> {
    const candidate = await this.candidateOf(run);
    if (!candidate) return;
    const { model, policy } = candidate;
    const valued = await this.candidateValue(candidate);
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
    const active = await this.activeValue(model, policy.metric);
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
    let buildId: string | undefined;
    try {
      const build = await this.buildCandidate(
        candidate,
        valued.version,
        active.deployment,
      );
      buildId = build.id;
      await this.deps.builds.setEvaluation(build.id, {
        [policy.metric]: valued.value,
      });
      const deployment = await this.deps.deploymentService.create(
        model.projectId,
        model.id,
        {
          buildId: build.id,
          replicas: active.deployment?.replicas ?? 1,
          profile: active.deployment?.profile ?? build.profile,
          env: {},
        },
        run.requester,
      );
      await this.record(
        candidate,
        'candidate_promoted',
        `Promoted build #${build.number}: ${decision.reason}`,
        { ...compared, buildId: build.id, deploymentId: deployment.id },
      );
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      if (error instanceof PromotionFailure) buildId ??= error.buildId;
      await this.record(
        candidate,
        'candidate_failed',
        `${decision.reason}, but the candidate could not be ${
          error instanceof PromotionFailure ? 'built' : 'deployed'
        }: ${why}`,
        { ...compared, ...(buildId && { buildId }) },
      );
    }
  }

  /** The run's job's candidate, its model and the model's enabled policy. */
  private async candidateOf(
    run: StoredWorkload,
  ): Promise<Candidate | undefined> {
    const job = await this.deps.jobs.get(run.jobId!);
    const declared = job?.candidate;
    if (!job || !declared) return undefined;
    const model = await this.modelOf(run.projectId, declared.model);
    if (!model) return undefined;
    const policy = await this.deps.policies.get(model.id);
    if (!policy?.enabled) return undefined;
    return { run, job, declared, model, policy };
  }

  private async modelOf(
    projectId: string,
    idOrName: string,
  ): Promise<Model | undefined> {
    const model =
      (await this.deps.models.get(idOrName.toLowerCase())) ??
      (await this.deps.models.findByName(projectId, idOrName));
    return model?.projectId === projectId ? model : undefined;
  }

  private async candidateValue(candidate: Candidate): Promise<Valued> {
    const { run, declared, policy } = candidate;
    const { metric } = policy;
    const version =
      declared.kind === 'modelVersion'
        ? await this.deps.runs.newestVersionOfWorkload(run.id)
        : undefined;
    if (declared.kind === 'modelVersion' && !version) {
      return {
        missing: `The run registered no model version: there is no candidate to weigh`,
      };
    }
    if (policy.source === 'jobOutput') {
      let output: Record<string, unknown>;
      try {
        output = await readCandidateMetrics(
          this.deps.files,
          run.projectId,
          run.id,
        );
      } catch (error) {
        return { missing: `Not weighed: ${(error as Error).message}`, version };
      }
      const value = output[metric];
      return typeof value === 'number' && Number.isFinite(value)
        ? { value, version }
        : {
            missing: `Not weighed: the run's metrics file has no number '${metric}'`,
            version,
          };
    }
    const runId = version
      ? version.runId
      : await this.deps.runs.latestRunOfWorkload(run.id);
    if (!runId) {
      return {
        missing: `Not weighed: the run logged no MLflow run to read '${metric}' from`,
        version,
      };
    }
    const value = await this.deps.runs.latestMetric(runId, metric);
    return value === undefined
      ? {
          missing: `Not weighed: MLflow run ${runId} has no metric '${metric}'`,
          version,
        }
      : { value, version };
  }

  /** The active deployment, its build's value of the metric, or why there is none. */
  private async activeValue(
    model: Model,
    metric: string,
  ): Promise<{
    deployment?: StoredDeployment;
    build?: StoredModelBuild;
    value?: number;
    why?: string;
  }> {
    const deployment = model.activeDeploymentId
      ? await this.deps.deployments.get(model.activeDeploymentId)
      : undefined;
    if (!deployment) return { why: 'the model has no active deployment' };
    const build = await this.deps.builds.get(deployment.buildId);
    const stored = build?.evaluation?.[metric];
    if (stored !== undefined) return { deployment, build, value: stored };
    const registered = build?.registeredModel;
    if (registered) {
      const runId = await this.deps.runs.runOfVersion(
        model.projectId,
        registered.name,
        registered.version,
      );
      const value = runId
        ? await this.deps.runs.latestMetric(runId, metric)
        : undefined;
      if (value !== undefined) return { deployment, build, value };
    }
    return {
      deployment,
      build,
      why: `the active build #${build?.number ?? '?'} has no ${metric} to beat`,
    };
  }

  /** Builds the candidate and waits until it is built; PromotionFailure otherwise. */
  private async buildCandidate(
    candidate: Candidate,
    version: CandidateVersion | undefined,
    active: StoredDeployment | undefined,
  ): Promise<StoredModelBuild> {
    const { declared, model, job, run } = candidate;
    const activeBuild = active && (await this.deps.builds.get(active.buildId));
    // A version without a file of the project's is served by MLflow's
    // loader; a build of the project's files takes the active one's file
    // and function unless the job names them.
    const served = declared.filePath
      ? {
          filePath: declared.filePath,
          functionName: declared.functionName ?? 'predict',
        }
      : !version && activeBuild
      ? {
          filePath: activeBuild.filePath,
          functionName: declared.functionName ?? activeBuild.functionName,
        }
      : undefined;
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
          comment: `Candidate of job ${job.name}, run ${run.id}`,
          examples: activeBuild?.examples ?? [],
          env: {},
        },
        run.requester,
      );
    } catch (error) {
      throw new PromotionFailure((error as Error).message);
    }
    const ended = await this.builtOrEnded(build.id).catch(error => {
      throw new PromotionFailure((error as Error).message, build.id);
    });
    if (ended.state !== 'built') {
      throw new PromotionFailure(
        `build #${build.number} ${ended.state}${
          ended.reason ? `: ${ended.reason}` : ''
        }`,
        build.id,
      );
    }
    return ended;
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
