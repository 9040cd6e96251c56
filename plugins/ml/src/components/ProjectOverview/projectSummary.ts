import { ResponseError } from '@backstage/errors';
import {
  Application,
  Job,
  Model,
  ModelBuild,
  ModelDeployment,
  Project,
  Workload,
} from '@ml-platform/plugin-ml-common';
import { MlApi, MlProjectQuota } from '../../api';

/** The README a project's overview renders, at the project's root. */
export const README_PATH = 'README.md';

/** A model with what was built from it and where it runs. */
export interface ModelWork {
  model: Model;
  builds: ModelBuild[];
  deployments: ModelDeployment[];
}

/** Everything the overview shows of a project, read in one go. */
export interface ProjectSummary {
  /** The README's markdown; undefined when the project has none. */
  readme?: string;
  sessions: Workload[];
  jobs: Job[];
  models: ModelWork[];
  applications: Application[];
  quota: MlProjectQuota;
}

/** Something that happened in the project, for the activity list. */
export type ProjectActivity =
  | { kind: 'session'; at: string; session: Workload }
  | { kind: 'job run'; at: string; job: Job; run: NonNullable<Job['lastRun']> }
  | { kind: 'build'; at: string; model: Model; build: ModelBuild }
  | {
      kind: 'deployment';
      at: string;
      model: Model;
      deployment: ModelDeployment;
    };

async function readReadme(api: MlApi, projectId: string) {
  try {
    return await api.readFile(projectId, README_PATH);
  } catch (error) {
    // No README is a project like any other, not an error to show.
    if (error instanceof ResponseError && error.statusCode === 404) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Reads a project's README, work, models and quota: one request per kind
 * and two per model, which a project's handful of models keeps small.
 */
export async function loadProjectSummary(
  api: MlApi,
  project: Project,
): Promise<ProjectSummary> {
  const [readme, sessions, jobs, models, applications, quota] =
    await Promise.all([
      readReadme(api, project.id),
      api.listSessions(project.id),
      api.listJobs(project.id),
      api.listModels(project.id),
      api.listApplications(project.id),
      api.getProjectQuota(project.id),
    ]);
  const modelWork = await Promise.all(
    models.map(async model => {
      const [builds, deployments] = await Promise.all([
        api.listBuilds(project.id, model.id),
        api.listDeployments(project.id, model.id),
      ]);
      return { model, builds, deployments };
    }),
  );
  return {
    readme,
    sessions: sessions.items,
    jobs,
    models: modelWork,
    applications,
    quota,
  };
}

/** Sessions, last job runs, builds and deployments, newest first. */
export function projectActivity(
  summary: ProjectSummary,
  limit: number,
): ProjectActivity[] {
  const activity: ProjectActivity[] = [];
  for (const session of summary.sessions) {
    const at = session.endedAt ?? session.startedAt ?? session.queuedAt;
    activity.push({ kind: 'session', at, session });
  }
  for (const job of summary.jobs) {
    const run = job.lastRun;
    if (!run) continue;
    const at = run.endedAt ?? run.startedAt ?? job.updatedAt;
    activity.push({ kind: 'job run', at, job, run });
  }
  for (const { model, builds, deployments } of summary.models) {
    for (const build of builds) {
      const at = build.builtAt ?? build.createdAt;
      activity.push({ kind: 'build', at, model, build });
    }
    for (const deployment of deployments) {
      const at =
        deployment.stoppedAt ?? deployment.deployedAt ?? deployment.createdAt;
      activity.push({ kind: 'deployment', at, model, deployment });
    }
  }
  return activity.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
