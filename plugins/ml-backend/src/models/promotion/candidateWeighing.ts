import {
  JobCandidate,
  Model,
  PromotionPolicy,
} from '@ml-platform/plugin-ml-common';
import { StoredWorkload } from '../../database';
import { ProjectFiles } from '../../projects/ProjectFiles';
import { StoredJob } from '../../workloads/jobs/JobStore';
import { StoredModelBuild } from '../builds/ModelBuildStore';
import { StoredDeployment } from '../deployments/ModelDeploymentStore';
import { readCandidateMetrics } from './candidateMetricsFile';
import { CandidateRuns, CandidateVersion } from './TrackedCandidates';

/** What a promotion knows of the candidate it weighs. */
export interface Candidate {
  run: StoredWorkload;
  job: StoredJob;
  declared: JobCandidate;
  model: Model;
  policy: PromotionPolicy;
}

/** The candidate's value of the metric, or why there is none. */
export type Valued =
  | { value: number; version?: CandidateVersion }
  | { missing: string; version?: CandidateVersion };

/** The active deployment, its build and its value of the metric, or why there is none. */
export interface ActiveValue {
  deployment?: StoredDeployment;
  build?: StoredModelBuild;
  value?: number;
  why?: string;
}

/**
 * What a promotion weighs, read from where it is kept: the candidate a run's
 * job declares (with its model and enabled policy), the candidate's value
 * of the policy's metric and the active deployment's.
 */
export class CandidateWeighing {
  constructor(
    private readonly deps: {
      jobs: { get(id: string): Promise<StoredJob | undefined> };
      models: {
        get(id: string): Promise<Model | undefined>;
        findByName(projectId: string, name: string): Promise<Model | undefined>;
      };
      policies: { get(modelId: string): Promise<PromotionPolicy | undefined> };
      builds: { get(id: string): Promise<StoredModelBuild | undefined> };
      deployments: { get(id: string): Promise<StoredDeployment | undefined> };
      runs: CandidateRuns;
      files: Pick<ProjectFiles, 'read'>;
    },
  ) {}

  /** The run's job's candidate, its model and the model's enabled policy. */
  async candidateOf(run: StoredWorkload): Promise<Candidate | undefined> {
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

  async candidateValue(candidate: Candidate): Promise<Valued> {
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
  async activeValue(model: Model, metric: string): Promise<ActiveValue> {
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
}
