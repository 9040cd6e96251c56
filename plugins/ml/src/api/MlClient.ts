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
import {
  MlApi,
  MlListFilesOptions,
  MlListOptions,
  MlListProjectsOptions,
  MlListRuntimesOptions,
} from './MlApi';
import { MlApplicationsClient } from './MlApplicationsClient';
import { Query, seg } from './MlHttp';

function listQuery(options?: MlListOptions): Query {
  return {
    filter: options?.filter || undefined,
    sort: options?.sort,
    page_size: options?.pageSize,
    page_token: options?.pageToken,
  };
}

/**
 * Talks to the `ml` backend plugin through the Backstage `fetchApi`, so that
 * requests carry the user's token.
 *
 * @public
 */
export class MlClient extends MlApplicationsClient implements MlApi {
  listWorkspaces(options?: MlListOptions) {
    return this.json<Page<Workspace>>('GET', '/workspaces', {
      query: listQuery(options),
    });
  }

  getWorkspace(name: string) {
    return this.json<Workspace>('GET', `/workspaces/${seg(name)}`);
  }

  createWorkspace(request: CreateWorkspaceRequest) {
    return this.json<Workspace>('POST', '/workspaces', { body: request });
  }

  updateWorkspace(name: string, request: UpdateWorkspaceRequest) {
    return this.json<Workspace>('PATCH', `/workspaces/${seg(name)}`, {
      body: request,
    });
  }

  async deleteWorkspace(name: string) {
    await this.send('DELETE', `/workspaces/${seg(name)}`);
  }

  getWorkspaceCapacity(name: string) {
    return this.json<WorkspaceCapacity>(
      'GET',
      `/workspaces/${seg(name)}/capacity`,
    );
  }

  listProfiles(workspace: string, options?: MlListOptions) {
    return this.json<Page<ResourceProfile>>(
      'GET',
      `/workspaces/${seg(workspace)}/profiles`,
      { query: listQuery(options) },
    );
  }

  createProfile(workspace: string, request: CreateProfileRequest) {
    return this.json<ResourceProfile>(
      'POST',
      `/workspaces/${seg(workspace)}/profiles`,
      { body: request },
    );
  }

  updateProfile(
    workspace: string,
    profile: string,
    request: UpdateProfileRequest,
  ) {
    return this.json<ResourceProfile>(
      'PATCH',
      `/workspaces/${seg(workspace)}/profiles/${seg(profile)}`,
      { body: request },
    );
  }

  async deleteProfile(workspace: string, profile: string) {
    await this.send(
      'DELETE',
      `/workspaces/${seg(workspace)}/profiles/${seg(profile)}`,
    );
  }

  listQuotas(workspace: string, options?: MlListOptions) {
    return this.json<Page<Quota>>(
      'GET',
      `/workspaces/${seg(workspace)}/quotas`,
      { query: listQuery(options) },
    );
  }

  createQuota(workspace: string, request: CreateQuotaRequest) {
    return this.json<Quota>('POST', `/workspaces/${seg(workspace)}/quotas`, {
      body: request,
    });
  }

  updateQuota(workspace: string, quotaId: string, request: UpdateQuotaRequest) {
    return this.json<Quota>(
      'PATCH',
      `/workspaces/${seg(workspace)}/quotas/${seg(quotaId)}`,
      { body: request },
    );
  }

  async deleteQuota(workspace: string, quotaId: string) {
    await this.send(
      'DELETE',
      `/workspaces/${seg(workspace)}/quotas/${seg(quotaId)}`,
    );
  }

  listRuntimes(options?: MlListRuntimesOptions) {
    return this.json<Page<Runtime>>('GET', '/runtimes', {
      query: {
        ...listQuery(options),
        all: options?.all || undefined,
        enabled: options?.enabled,
      },
    });
  }

  getRuntime(runtimeId: string) {
    return this.json<Runtime>('GET', `/runtimes/${seg(runtimeId)}`);
  }

  createRuntime(request: CreateRuntimeRequest) {
    return this.json<Runtime>('POST', '/runtimes', { body: request });
  }

  updateRuntime(runtimeId: string, request: UpdateRuntimeRequest) {
    return this.json<Runtime>('PATCH', `/runtimes/${seg(runtimeId)}`, {
      body: request,
    });
  }

  async deleteRuntime(runtimeId: string) {
    await this.send('DELETE', `/runtimes/${seg(runtimeId)}`);
  }

  listProjects(options?: MlListProjectsOptions) {
    return this.json<Page<Project>>('GET', '/projects', {
      query: { ...listQuery(options), workspace: options?.workspace },
    });
  }

  getProject(projectId: string) {
    return this.json<Project>('GET', `/projects/${seg(projectId)}`);
  }

  createProject(request: CreateProjectRequest) {
    return this.json<Project>('POST', '/projects', { body: request });
  }

  updateProject(projectId: string, request: UpdateProjectRequest) {
    return this.json<Project>('PATCH', `/projects/${seg(projectId)}`, {
      body: request,
    });
  }

  async deleteProject(projectId: string) {
    await this.send('DELETE', `/projects/${seg(projectId)}`);
  }

  async listCollaborators(projectId: string) {
    const { items } = await this.json<{ items: Collaborator[] }>(
      'GET',
      `/projects/${seg(projectId)}/collaborators`,
    );
    return items;
  }

  async setCollaborator(
    projectId: string,
    subject: string,
    role: CollaboratorRole,
  ) {
    await this.send(
      'PUT',
      `/projects/${seg(projectId)}/collaborators/${seg(subject)}`,
      { body: { role } },
    );
  }

  async removeCollaborator(projectId: string, subject: string) {
    await this.send(
      'DELETE',
      `/projects/${seg(projectId)}/collaborators/${seg(subject)}`,
    );
  }

  async listFiles(projectId: string, options?: MlListFilesOptions) {
    const { items } = await this.json<{ items: ProjectFileEntry[] }>(
      'GET',
      `/projects/${seg(projectId)}/files`,
      {
        query: {
          path: options?.path || undefined,
          recursive: options?.recursive || undefined,
        },
      },
    );
    return items;
  }

  async readFile(projectId: string, path: string) {
    const response = await this.send(
      'GET',
      `/projects/${seg(projectId)}/files/content`,
      { query: { path } },
    );
    return response.text();
  }

  async writeFile(projectId: string, path: string, content: Blob | string) {
    const response = await this.send(
      'PUT',
      `/projects/${seg(projectId)}/files/content`,
      {
        query: { path },
        rawBody: content,
      },
    );
    return (await response.json()) as ProjectFileEntry;
  }

  async createDirectory(projectId: string, path: string) {
    await this.send('POST', `/projects/${seg(projectId)}/files/directories`, {
      body: { path },
    });
  }

  async renameFile(projectId: string, from: string, to: string) {
    await this.send('POST', `/projects/${seg(projectId)}/files/rename`, {
      body: { from, to },
    });
  }

  async deleteFile(projectId: string, path: string) {
    await this.send('DELETE', `/projects/${seg(projectId)}/files`, {
      query: { path },
    });
  }

  async downloadArchive(projectId: string) {
    const response = await this.send(
      'GET',
      `/projects/${seg(projectId)}/files/archive`,
    );
    return response.blob();
  }
}
