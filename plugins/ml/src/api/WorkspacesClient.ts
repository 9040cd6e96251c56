import {
  CreateProfileRequest,
  CreateQuotaRequest,
  CreateWorkspaceRequest,
  Quota,
  ResourceProfile,
  UpdateProfileRequest,
  UpdateQuotaRequest,
  UpdateWorkspaceRequest,
  Workspace,
  WorkspaceCapacity,
} from '@ml-platform/plugin-ml-common';
import { Collection } from './Collection';
import { MlListOptions } from './MlApi';
import { MlHttp, listQuery, seg } from './MlHttp';

const workspacePath = (name: string) => `/workspaces/${seg(name)}`;

const profilesOf = (http: MlHttp, workspace: string) =>
  new Collection<ResourceProfile>(http, `${workspacePath(workspace)}/profiles`);

const quotasOf = (http: MlHttp, workspace: string) =>
  new Collection<Quota>(http, `${workspacePath(workspace)}/quotas`);

/** Workspaces and what their admins set: resource profiles and quotas. */
export class WorkspacesClient {
  private readonly workspaces: Collection<Workspace>;

  constructor(private readonly http: MlHttp) {
    this.workspaces = new Collection(http, '/workspaces');
  }

  listWorkspaces(options?: MlListOptions) {
    return this.workspaces.page(listQuery(options));
  }

  getWorkspace(name: string) {
    return this.workspaces.get(name);
  }

  createWorkspace(request: CreateWorkspaceRequest) {
    return this.workspaces.create(request);
  }

  updateWorkspace(name: string, request: UpdateWorkspaceRequest) {
    return this.workspaces.update(name, request);
  }

  deleteWorkspace(name: string) {
    return this.workspaces.remove(name);
  }

  getWorkspaceCapacity(name: string) {
    return this.http.json<WorkspaceCapacity>(
      'GET',
      `${workspacePath(name)}/capacity`,
    );
  }

  listProfiles(workspace: string, options?: MlListOptions) {
    return profilesOf(this.http, workspace).page(listQuery(options));
  }

  createProfile(workspace: string, request: CreateProfileRequest) {
    return profilesOf(this.http, workspace).create(request);
  }

  updateProfile(
    workspace: string,
    profile: string,
    request: UpdateProfileRequest,
  ) {
    return profilesOf(this.http, workspace).update(profile, request);
  }

  deleteProfile(workspace: string, profile: string) {
    return profilesOf(this.http, workspace).remove(profile);
  }

  listQuotas(workspace: string, options?: MlListOptions) {
    return quotasOf(this.http, workspace).page(listQuery(options));
  }

  createQuota(workspace: string, request: CreateQuotaRequest) {
    return quotasOf(this.http, workspace).create(request);
  }

  updateQuota(workspace: string, quotaId: string, request: UpdateQuotaRequest) {
    return quotasOf(this.http, workspace).update(quotaId, request);
  }

  deleteQuota(workspace: string, quotaId: string) {
    return quotasOf(this.http, workspace).remove(quotaId);
  }
}
