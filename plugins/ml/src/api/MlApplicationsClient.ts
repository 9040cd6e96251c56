import {
  Application,
  ApplicationSettings,
} from '@ml-platform/plugin-ml-common';
import {
  MlApplicationsApi,
  MlCreateApplicationRequest,
  MlUpdateApplicationRequest,
} from './MlApplicationsApi';
import { seg } from './MlHttp';
import { MlModelsClient } from './MlModelsClient';

/** Backstage's own endpoint that sets the user cookie for a plugin's paths. */
const COOKIE_PATH = '/.backstage/auth/v1/cookie';

/**
 * The applications part of the client. Kept apart from the other calls only
 * to keep files small; `MlClient` has all of them.
 */
export class MlApplicationsClient
  extends MlModelsClient
  implements MlApplicationsApi
{
  private applicationPath(projectId: string, appId?: string) {
    const base = `/projects/${seg(projectId)}/applications`;
    return appId ? `${base}/${seg(appId)}` : base;
  }

  getApplicationSettings() {
    return this.json<ApplicationSettings>('GET', '/applications/settings');
  }

  async listApplications(projectId: string) {
    const { items } = await this.json<{ items: Application[] }>(
      'GET',
      this.applicationPath(projectId),
    );
    return items;
  }

  getApplication(projectId: string, appId: string) {
    return this.json<Application>(
      'GET',
      this.applicationPath(projectId, appId),
    );
  }

  createApplication(projectId: string, request: MlCreateApplicationRequest) {
    return this.json<Application>('POST', this.applicationPath(projectId), {
      body: request,
    });
  }

  updateApplication(
    projectId: string,
    appId: string,
    request: MlUpdateApplicationRequest,
  ) {
    return this.json<Application>(
      'PATCH',
      this.applicationPath(projectId, appId),
      { body: request },
    );
  }

  async deleteApplication(projectId: string, appId: string) {
    await this.send('DELETE', this.applicationPath(projectId, appId));
  }

  private action(projectId: string, appId: string, verb: string) {
    return this.json<Application>(
      'POST',
      `${this.applicationPath(projectId, appId)}/${verb}`,
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
    await this.send('GET', COOKIE_PATH, { credentials: 'include' });
    return `${await this.apiBaseUrl()}${app.url}`;
  }
}
