import {
  Collaborator,
  CollaboratorRole,
  CreateProjectRequest,
  Page,
  Project,
  UpdateProjectRequest,
} from '@ml-platform/plugin-ml-common';
import { MlListProjectsOptions } from './MlApi';
import { MlHttp, listQuery, seg } from './MlHttp';

/** Projects and who may work on them. */
export class ProjectsClient {
  constructor(private readonly http: MlHttp) {}

  listProjects(options?: MlListProjectsOptions) {
    return this.http.json<Page<Project>>('GET', '/projects', {
      query: { ...listQuery(options), workspace: options?.workspace },
    });
  }

  getProject(projectId: string) {
    return this.http.json<Project>('GET', `/projects/${seg(projectId)}`);
  }

  createProject(request: CreateProjectRequest) {
    return this.http.json<Project>('POST', '/projects', { body: request });
  }

  updateProject(projectId: string, request: UpdateProjectRequest) {
    return this.http.json<Project>('PATCH', `/projects/${seg(projectId)}`, {
      body: request,
    });
  }

  async deleteProject(projectId: string) {
    await this.http.send('DELETE', `/projects/${seg(projectId)}`);
  }

  async listCollaborators(projectId: string) {
    const { items } = await this.http.json<{ items: Collaborator[] }>(
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
    await this.http.send(
      'PUT',
      `/projects/${seg(projectId)}/collaborators/${seg(subject)}`,
      { body: { role } },
    );
  }

  async removeCollaborator(projectId: string, subject: string) {
    await this.http.send(
      'DELETE',
      `/projects/${seg(projectId)}/collaborators/${seg(subject)}`,
    );
  }
}
