import {
  CreateProfileRequest,
  CreateQuotaRequest,
  CreateWorkspaceRequest,
  Page,
  Quota,
  ResourceProfile,
  UpdateProfileRequest,
  UpdateQuotaRequest,
  UpdateWorkspaceRequest,
  Workspace,
  WorkspaceCapacity,
} from '@ml-platform/plugin-ml-common';
import { MlListOptions } from './MlApi';
import { MlHttp, listQuery, seg } from './MlHttp';

/** Workspaces and what their admins set: resource profiles and quotas. */
export class WorkspacesClient {
  constructor(private readonly http: MlHttp) {}

  listWorkspaces(options?: MlListOptions) {
    return this.http.json<Page<Workspace>>('GET', '/workspaces', {
      query: listQuery(options),
    });
  }

  getWorkspace(name: string) {
    return this.http.json<Workspace>('GET', `/workspaces/${seg(name)}`);
  }

  createWorkspace(request: CreateWorkspaceRequest) {
    return this.http.json<Workspace>('POST', '/workspaces', { body: request });
  }

  updateWorkspace(name: string, request: UpdateWorkspaceRequest) {
    return this.http.json<Workspace>('PATCH', `/workspaces/${seg(name)}`, {
      body: request,
    });
  }

  async deleteWorkspace(name: string) {
    await this.http.send('DELETE', `/workspaces/${seg(name)}`);
  }

  getWorkspaceCapacity(name: string) {
    return this.http.json<WorkspaceCapacity>(
      'GET',
      `/workspaces/${seg(name)}/capacity`,
    );
  }

  listProfiles(workspace: string, options?: MlListOptions) {
    return this.http.json<Page<ResourceProfile>>(
      'GET',
      `/workspaces/${seg(workspace)}/profiles`,
      { query: listQuery(options) },
    );
  }

  createProfile(workspace: string, request: CreateProfileRequest) {
    return this.http.json<ResourceProfile>(
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
    return this.http.json<ResourceProfile>(
      'PATCH',
      `/workspaces/${seg(workspace)}/profiles/${seg(profile)}`,
      { body: request },
    );
  }

  async deleteProfile(workspace: string, profile: string) {
    await this.http.send(
      'DELETE',
      `/workspaces/${seg(workspace)}/profiles/${seg(profile)}`,
    );
  }

  listQuotas(workspace: string, options?: MlListOptions) {
    return this.http.json<Page<Quota>>(
      'GET',
      `/workspaces/${seg(workspace)}/quotas`,
      { query: listQuery(options) },
    );
  }

  createQuota(workspace: string, request: CreateQuotaRequest) {
    return this.http.json<Quota>(
      'POST',
      `/workspaces/${seg(workspace)}/quotas`,
      {
        body: request,
      },
    );
  }

  updateQuota(workspace: string, quotaId: string, request: UpdateQuotaRequest) {
    return this.http.json<Quota>(
      'PATCH',
      `/workspaces/${seg(workspace)}/quotas/${seg(quotaId)}`,
      { body: request },
    );
  }

  async deleteQuota(workspace: string, quotaId: string) {
    await this.http.send(
      'DELETE',
      `/workspaces/${seg(workspace)}/quotas/${seg(quotaId)}`,
    );
  }
}
