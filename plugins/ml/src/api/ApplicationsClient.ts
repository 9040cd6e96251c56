import {
  Application,
  ApplicationSettings,
} from '@ml-platform/plugin-ml-common';
import {
  MlApplicationsApi,
  MlCreateApplicationRequest,
  MlUpdateApplicationRequest,
} from './MlApplicationsApi';
import { Collection } from './Collection';
import { MlHttp, projectPath } from './MlHttp';

/** Backstage's own endpoint that sets the user cookie for a plugin's paths. */
const COOKIE_PATH = '/.backstage/auth/v1/cookie';

const applicationsOf = (http: MlHttp, projectId: string) =>
  new Collection<Application>(http, `${projectPath(projectId)}/applications`);

/** Applications: long-running web apps served from a project's files. */
export class ApplicationsClient implements MlApplicationsApi {
  constructor(private readonly http: MlHttp) {}

  getApplicationSettings() {
    return this.http.json<ApplicationSettings>('GET', '/applications/settings');
  }

  listApplications(projectId: string) {
    return applicationsOf(this.http, projectId).items();
  }

  getApplication(projectId: string, appId: string) {
    return applicationsOf(this.http, projectId).get(appId);
  }

  createApplication(projectId: string, request: MlCreateApplicationRequest) {
    return applicationsOf(this.http, projectId).create(request);
  }

  updateApplication(
    projectId: string,
    appId: string,
    request: MlUpdateApplicationRequest,
  ) {
    return applicationsOf(this.http, projectId).update(appId, request);
  }

  deleteApplication(projectId: string, appId: string) {
    return applicationsOf(this.http, projectId).remove(appId);
  }

  startApplication(projectId: string, appId: string) {
    return applicationsOf(this.http, projectId).act(appId, 'start');
  }

  stopApplication(projectId: string, appId: string) {
    return applicationsOf(this.http, projectId).act(appId, 'stop');
  }

  restartApplication(projectId: string, appId: string) {
    return applicationsOf(this.http, projectId).act(appId, 'restart');
  }

  async prepareApplicationUrl(app: Application) {
    await this.http.send('GET', COOKIE_PATH, { credentials: 'include' });
    return `${await this.http.apiBaseUrl()}${app.url}`;
  }
}
