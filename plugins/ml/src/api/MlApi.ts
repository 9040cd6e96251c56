import { createApiRef } from '@backstage/core-plugin-api';
import {
  Collaborator,
  CollaboratorRole,
  CreateProfileRequest,
  CreateProjectRequest,
  CreateQuotaRequest,
  CreateRuntimeRequest,
  CreateWorkspaceRequest,
  Page,
  Project,
  ProjectFileEntry,
  Quota,
  ResourceProfile,
  Runtime,
  UpdateProfileRequest,
  UpdateProjectRequest,
  UpdateQuotaRequest,
  UpdateRuntimeRequest,
  UpdateWorkspaceRequest,
  Workspace,
  WorkspaceCapacity,
} from '@ml-platform/plugin-ml-common';

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

/**
 * Client of the ML platform's REST API.
 *
 * @public
 */
export interface MlApi {
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
}

/** @public */
export const mlApiRef = createApiRef<MlApi>({ id: 'plugin.ml.service' });
