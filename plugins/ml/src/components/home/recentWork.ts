import {
  Job,
  Model,
  Project,
  Workload,
  WorkloadState,
} from '@ml-platform/plugin-ml-common';
import { MlApi } from '../../api';

/** A recently changed project with what runs in it and what it serves. */
export interface ProjectWork {
  project: Project;
  /** Its sessions, newest first (the first page). */
  sessions: Workload[];
  jobs: Job[];
  models: Model[];
}

/** A session or job run of one of the projects, for the activity list. */
export interface WorkActivity {
  project: Project;
  kind: 'session' | 'job run';
  /** The session's name or the job's. */
  name: string;
  state: WorkloadState;
  /** The workload's id: a session's, or a job run's. */
  workloadId: string;
  jobId?: string;
  at: string;
}

const ACTIVE: WorkloadState[] = ['queued', 'starting', 'running'];

export function isActive(state: WorkloadState): boolean {
  return ACTIVE.includes(state);
}

/**
 * The caller's most recently updated projects and, per project, its
 * sessions, jobs and models: a handful of requests per project, so the
 * home page asks for a few projects only.
 */
export async function loadRecentWork(
  api: MlApi,
  projectCount: number,
): Promise<ProjectWork[]> {
  const page = await api.listProjects({
    sort: '-updated_at',
    pageSize: projectCount,
  });
  return Promise.all(
    page.items.map(async project => {
      const [sessions, jobs, models] = await Promise.all([
        api.listSessions(project.id),
        api.listJobs(project.id),
        api.listModels(project.id),
      ]);
      return { project, sessions: sessions.items, jobs, models };
    }),
  );
}

/**
 * Sessions of the projects and the last run of each of their jobs, newest
 * first.
 */
export function recentActivity(
  work: ProjectWork[],
  limit: number,
): WorkActivity[] {
  const activity: WorkActivity[] = [];
  for (const { project, sessions, jobs } of work) {
    for (const session of sessions) {
      activity.push({
        project,
        kind: 'session',
        name: session.name ?? session.id.slice(0, 8),
        state: session.state,
        workloadId: session.id,
        at: session.endedAt ?? session.startedAt ?? session.queuedAt,
      });
    }
    for (const job of jobs) {
      const run = job.lastRun;
      if (!run) continue;
      activity.push({
        project,
        kind: 'job run',
        name: job.name,
        state: run.state,
        workloadId: run.id,
        jobId: job.id,
        at: run.endedAt ?? run.startedAt ?? job.updatedAt,
      });
    }
  }
  return activity.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
