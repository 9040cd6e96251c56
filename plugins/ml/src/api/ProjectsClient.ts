import {
  Collaborator,
  CollaboratorRole,
  CreateProjectRequest,
  Project,
  UpdateProjectRequest,
} from '@ml-platform/plugin-ml-common';
import { Collection } from './Collection';
import { MlListProjectsOptions } from './MlApi';
import { MlHttp, listQuery, projectPath } from './MlHttp';

const collaboratorsOf = (http: MlHttp, projectId: string) =>
  new Collection<Collaborator>(http, `${projectPath(projectId)}/collaborators`);

/** Projects and who may work on them. */
export class ProjectsClient {
  private readonly projects: Collection<Project>;

  constructor(private readonly http: MlHttp) {
    this.projects = new Collection(http, '/projects');
  }

  listProjects(options?: MlListProjectsOptions) {
    return this.projects.page({
      ...listQuery(options),
      workspace: options?.workspace,
    });
  }

  getProject(projectId: string) {
    return this.projects.get(projectId);
  }

  createProject(request: CreateProjectRequest) {
    return this.projects.create(request);
  }

  updateProject(projectId: string, request: UpdateProjectRequest) {
    return this.projects.update(projectId, request);
  }

  deleteProject(projectId: string) {
    return this.projects.remove(projectId);
  }

  listCollaborators(projectId: string) {
    return collaboratorsOf(this.http, projectId).items();
  }

  async setCollaborator(
    projectId: string,
    subject: string,
    role: CollaboratorRole,
  ) {
    const collaborators = collaboratorsOf(this.http, projectId);
    await this.http.send('PUT', collaborators.pathOf(subject), {
      body: { role },
    });
  }

  removeCollaborator(projectId: string, subject: string) {
    return collaboratorsOf(this.http, projectId).remove(subject);
  }
}
