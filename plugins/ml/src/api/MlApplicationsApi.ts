import {
  Application,
  ApplicationSettings,
  CreateApplicationRequest,
  UpdateApplicationRequest,
} from '@ml-platform/plugin-ml-common';

/** @public */
export type MlCreateApplicationRequest = CreateApplicationRequest;

/** @public */
export type MlUpdateApplicationRequest = UpdateApplicationRequest;

/**
 * The applications part of the ML API: a project's long-running web apps,
 * served by the portal at `<ml api>/apps/<slug>/`.
 *
 * @public
 */
export interface MlApplicationsApi {
  getApplicationSettings(): Promise<ApplicationSettings>;
  listApplications(projectId: string): Promise<Application[]>;
  getApplication(projectId: string, appId: string): Promise<Application>;
  createApplication(
    projectId: string,
    request: MlCreateApplicationRequest,
  ): Promise<Application>;
  updateApplication(
    projectId: string,
    appId: string,
    request: MlUpdateApplicationRequest,
  ): Promise<Application>;
  deleteApplication(projectId: string, appId: string): Promise<void>;
  startApplication(projectId: string, appId: string): Promise<Application>;
  stopApplication(projectId: string, appId: string): Promise<Application>;
  restartApplication(projectId: string, appId: string): Promise<Application>;
  /**
   * Lets the browser open the app: sets the portal's user cookie (a new tab
   * sends no token) and returns the app's absolute URL.
   */
  prepareApplicationUrl(app: Application): Promise<string>;
}
