import {
  Application,
  ApplicationSettings,
} from '@ml-platform/plugin-ml-common';
import {
  MlApplicationsApi,
  MlCreateApplicationRequest,
  MlUpdateApplicationRequest,
} from './MlApplicationsApi';
import { MlHttp, seg } from './MlHttp';

/** Backstage's own endpoint that sets the user cookie for a plugin's paths. */
const COOKIE_PATH = '/.backstage/auth/v1/cookie';

function applicationPath(projectId: string, appId?: string) {
  const base = `/projects/${seg(projectId)}/applications`;
  return appId ? `${base}/${seg(appId)}` : base;
}

/** Applications: long-running web apps served from a project's files. */
export class ApplicationsClient implements MlApplicationsApi {
  constructor(private readonly http: MlHttp) {}

  getApplicationSettings() {
    return this.http.json<ApplicationSettings>('GET', '/applications/settings');
  }

  async listApplications(projectId: string) {
    const { items } = await this.http.json<{ items: Application[] }>(
      'GET',
      applicationPath(projectId),
    );
    return items;
  }

  getApplication(projectId: string, appId: string) {
    return this.http.json<Application>(
      'GET',
      applicationPath(projectId, appId),
    );
  }

  createApplication(projectId: string, request: MlCreateApplicationRequest) {
    return this.http.json<Application>('POST', applicationPath(projectId), {
      body: request,
    });
  }

  updateApplication(
    projectId: string,
    appId: string,
    request: MlUpdateApplicationRequest,
  ) {
    return this.http.json<Application>(
      'PATCH',
      applicationPath(projectId, appId),
      { body: request },
    );
  }

  async deleteApplication(projectId: string, appId: string) {
    await this.http.send('DELETE', applicationPath(projectId, appId));
  }

  private action(projectId: string, appId: string, verb: string) {
    return this.http.json<Application>(
      'POST',
      `${applicationPath(projectId, appId)}/${verb}`,
    );
  }

  startApplication(projectId: string, appId: string) {
    return this.action(projectId, appId, 'start');
  }

  stopApplication(projectId: string, appId: string) {
    return this.action(projectId, appId, 'stop');
  }

  restartApplication(projectId: string, appId: string) {
    return this.action(projectId, appId, 'restart');
  }

  async prepareApplicationUrl(app: Application) {
    await this.http.send('GET', COOKIE_PATH, { credentials: 'include' });
    return `${await this.http.apiBaseUrl()}${app.url}`;
  }
}
