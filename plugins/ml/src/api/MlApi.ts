import { createApiRef } from '@backstage/core-plugin-api';
import {
  Collaborator,
  CollaboratorRole,
  CreateProfileRequest,
  CreateProjectRequest,
  CreateQuotaRequest,
  CreateRuntimeRequest,
  CreateJobRequest,
  CreateWorkspaceRequest,
  Job,
  LaunchSessionRequest,
  Page,
  Project,
  ProjectFileEntry,
  Quota,
  ResourceLimits,
  ResourceProfile,
  RunJobRequest,
  Runtime,
  SessionCell,
  UpdateProfileRequest,
  UpdateProjectRequest,
  UpdateJobRequest,
  UpdateQuotaRequest,
  UpdateRuntimeRequest,
  UpdateWorkspaceRequest,
  Workload,
  WorkloadEvent,
  Workspace,
  WorkspaceCapacity,
  WorkspaceNode,
} from '@ml-platform/plugin-ml-common';
import { MlModelsApi } from './MlModelsApi';
import { MlModelMonitoringApi } from './MlModelMonitoringApi';
import { MlApplicationsApi } from './MlApplicationsApi';

/**
 * Options every list endpoint of the ML API accepts.
 *
 * @public
 */
export interface MlListOptions {
  /** Free-text search. */
  filter?: string;
  /** Comma-separated fields, each prefixed by `+` or `-`: `-updated_at,+name`. */
  sort?: string;
  pageSize?: number;
  pageToken?: string;
}

/** @public */
export interface MlListRuntimesOptions extends MlListOptions {
  /** Also list the maintenance versions that a newer one supersedes. */
  all?: boolean;
  /** Only the runtimes new workloads may use. */
  enabled?: boolean;
}

/** @public */
export interface MlListProjectsOptions extends MlListOptions {
  workspace?: string;
}

/** @public */
export interface MlListFilesOptions {
  /** Directory relative to the project root; the root when omitted. */
  path?: string;
  /** List the whole tree under `path` rather than its direct children. */
  recursive?: boolean;
}

/** @public */
export interface MlListRunsOptions {
  pageSize?: number;
  offset?: number;
}

/** @public */
export interface MlLogOptions {
  /** Which attempt of a retried run; the current one when omitted. */
  attempt?: number;
  signal?: AbortSignal;
}

/**
 * The quota that limits a project's work (its owner's) and what the owner
 * uses now.
 *
 * @public
 */
export interface MlProjectQuota {
  subject: string;
  /** Absent for a team without a quota: only capacity limits it. */
  limit?: ResourceLimits;
  used: ResourceLimits;
}

/** @public */
export interface MlWorkspaceQueue {
  /** In queue order, each with its position and the reason it waits. */
  queued: Workload[];
  running: Workload[];
  nodes: WorkspaceNode[];
}

/** @public */
export interface MlExecuteError {
  name: string;
  message: string;
  traceback: string;
}

/**
 * One line of a console execution's output stream: text as the code writes
 * it, then a last event that says whether it raised.
 *
 * @public
 */
export type MlExecuteEvent =
  | { stream: 'stdout' | 'stderr'; text: string }
  | { done: true; error: MlExecuteError | null };

/**
 * Client of the ML platform's REST API.
 *
 * @public
 */
export interface MlApi
  extends MlModelsApi,
    MlModelMonitoringApi,
    MlApplicationsApi {
  listWorkspaces(options?: MlListOptions): Promise<Page<Workspace>>;
  getWorkspace(name: string): Promise<Workspace>;
  createWorkspace(request: CreateWorkspaceRequest): Promise<Workspace>;
  updateWorkspace(
    name: string,
    request: UpdateWorkspaceRequest,
  ): Promise<Workspace>;
  deleteWorkspace(name: string): Promise<void>;
  getWorkspaceCapacity(name: string): Promise<WorkspaceCapacity>;

  listProfiles(
    workspace: string,
    options?: MlListOptions,
  ): Promise<Page<ResourceProfile>>;
  createProfile(
    workspace: string,
    request: CreateProfileRequest,
  ): Promise<ResourceProfile>;
  updateProfile(
    workspace: string,
    profile: string,
    request: UpdateProfileRequest,
  ): Promise<ResourceProfile>;
  deleteProfile(workspace: string, profile: string): Promise<void>;

  listQuotas(workspace: string, options?: MlListOptions): Promise<Page<Quota>>;
  createQuota(workspace: string, request: CreateQuotaRequest): Promise<Quota>;
  updateQuota(
    workspace: string,
    quotaId: string,
    request: UpdateQuotaRequest,
  ): Promise<Quota>;
  deleteQuota(workspace: string, quotaId: string): Promise<void>;

  listRuntimes(options?: MlListRuntimesOptions): Promise<Page<Runtime>>;
  getRuntime(runtimeId: string): Promise<Runtime>;
  createRuntime(request: CreateRuntimeRequest): Promise<Runtime>;
  updateRuntime(
    runtimeId: string,
    request: UpdateRuntimeRequest,
  ): Promise<Runtime>;
  deleteRuntime(runtimeId: string): Promise<void>;

  listProjects(options?: MlListProjectsOptions): Promise<Page<Project>>;
  getProject(projectId: string): Promise<Project>;
  createProject(request: CreateProjectRequest): Promise<Project>;
  updateProject(
    projectId: string,
    request: UpdateProjectRequest,
  ): Promise<Project>;
  deleteProject(projectId: string): Promise<void>;

  listCollaborators(projectId: string): Promise<Collaborator[]>;
  /** Adds the subject as a collaborator, or changes its role. */
  setCollaborator(
    projectId: string,
    subject: string,
    role: CollaboratorRole,
  ): Promise<void>;
  removeCollaborator(projectId: string, subject: string): Promise<void>;

  listFiles(
    projectId: string,
    options?: MlListFilesOptions,
  ): Promise<ProjectFileEntry[]>;
  readFile(projectId: string, path: string): Promise<string>;
  /** Creates or replaces a file, creating its parent directories. */
  writeFile(
    projectId: string,
    path: string,
    content: Blob | string,
  ): Promise<ProjectFileEntry>;
  createDirectory(projectId: string, path: string): Promise<void>;
  renameFile(projectId: string, from: string, to: string): Promise<void>;
  deleteFile(projectId: string, path: string): Promise<void>;
  /** The whole project as a `.tar.gz` archive. */
  downloadArchive(projectId: string): Promise<Blob>;

  getProjectQuota(projectId: string): Promise<MlProjectQuota>;

  listSessions(projectId: string): Promise<Page<Workload>>;
  launchSession(
    projectId: string,
    request: LaunchSessionRequest,
  ): Promise<Workload>;
  getSession(projectId: string, sessionId: string): Promise<Workload>;
  /**
   * Runs code in a running session's kernel and yields its output as it
   * arrives. Rejects (on the first step) when the session is not running.
   */
  executeSession(
    projectId: string,
    sessionId: string,
    code: string,
    options?: { signal?: AbortSignal },
  ): AsyncIterable<MlExecuteEvent>;
  /** What was run in the session's console, oldest first, as the backend kept it. */
  getSessionTranscript(
    projectId: string,
    sessionId: string,
  ): Promise<SessionCell[]>;
  stopSession(projectId: string, sessionId: string): Promise<Workload>;

  listJobs(projectId: string): Promise<Job[]>;
  getJob(projectId: string, jobId: string): Promise<Job>;
  createJob(projectId: string, request: CreateJobRequest): Promise<Job>;
  updateJob(
    projectId: string,
    jobId: string,
    request: UpdateJobRequest,
  ): Promise<Job>;
  deleteJob(projectId: string, jobId: string): Promise<void>;
  /** Starts a run now; refused (409) while another run is active. */
  runJob(
    projectId: string,
    jobId: string,
    request?: RunJobRequest,
  ): Promise<Workload>;
  listJobRuns(
    projectId: string,
    jobId: string,
    options?: MlListRunsOptions,
  ): Promise<Page<Workload>>;
  /** When a cron schedule would fire next; rejects with the reason if invalid. */
  getCronNextRuns(
    schedule: string,
    timezone: string,
    count?: number,
  ): Promise<string[]>;

  getWorkload(workloadId: string): Promise<Workload>;
  listWorkloadEvents(workloadId: string): Promise<WorkloadEvent[]>;
  /**
   * The log lines stored so far: the end of the log, up to the backend's
   * read limit (`ml.logs.maxReadKiB`).
   */
  getWorkloadLogs(
    workloadId: string,
    options?: MlLogOptions,
  ): Promise<string[]>;
  /** Every log line, then new ones as they are written, until the run ends. */
  followWorkloadLogs(
    workloadId: string,
    options?: MlLogOptions,
  ): AsyncIterable<string>;
  stopWorkload(workloadId: string): Promise<Workload>;
  getWorkspaceQueue(workspace: string): Promise<MlWorkspaceQueue>;
}

/** @public */
export const mlApiRef = createApiRef<MlApi>({ id: 'plugin.ml.service' });
