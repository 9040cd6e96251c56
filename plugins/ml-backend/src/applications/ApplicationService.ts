import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ACTIVE_STATES,
  Application,
  ApplicationSettings,
  Project,
} from '@ml-platform/plugin-ml-common';
import { ApplicationInput, ApplicationUpdate } from '../apiInputs';
import { v4 as uuid } from 'uuid';
import { ApplicationStore, StoredApplication } from './ApplicationStore';
import { StoredWorkload } from '../database';
import { isUniqueViolation } from '../database/errors';
import { WorkloadEngine } from '../engine/WorkloadEngine';
import { ProjectFiles } from '../projects/ProjectFiles';
import { projectFileToRun } from '../projects/projectFileToRun';
import { LaunchDeps } from '../engine/launchDeps';

/** The port an application serves HTTP on; the driver passes it as ML_APP_PORT. */
export const APPLICATION_PORT = 'app';
/** A crashed app is started again this many times before it is left failed. */
const APPLICATION_MAX_ATTEMPTS = 3;
const APPLICATION_RETRY_BACKOFF_SECONDS = 5;

/** Where the proxy sends a request for an app, or why it cannot. */
export interface ApplicationTarget {
  app: StoredApplication;
  project: Project;
  state: Application['state'];
  reason?: string;
  /** The running replica's address; absent when there is none to send to. */
  url?: string;
}

/**
 * Applications: a project's long-running web app, run as an engine workload
 * (kind 'application', one port) and served by the portal's reverse proxy
 * at /api/ml/apps/:slug/. Its state is its workload's.
 */
export class ApplicationService {
  constructor(
    private readonly deps: LaunchDeps & {
      applications: ApplicationStore;
      files: ProjectFiles;
      engine: WorkloadEngine;
      allowBypassAuthentication: boolean;
      /** The ML API's path on the portal ("/api/ml"), for the app's own links. */
      apiBasePath: string;
    },
  ) {}

  settings(): ApplicationSettings {
    return { allowBypassAuthentication: this.deps.allowBypassAuthentication };
  }

  async list(projectId: string): Promise<Application[]> {
    await this.deps.projects.get(projectId);
    const apps = await this.deps.applications.listByProject(projectId);
    return Promise.all(apps.map(app => this.present(app)));
  }

  async get(projectId: string, appId: string): Promise<Application> {
    return this.present(await this.load(projectId, appId));
  }

  private async load(
    projectId: string,
    appId: string,
  ): Promise<StoredApplication> {
    const app = await this.deps.applications.get(appId);
    if (!app || app.projectId !== projectId) {
      throw new NotFoundError(
        `No application with id '${appId}' in this project`,
      );
    }
    return app;
  }

  private async workloadOf(
    app: StoredApplication,
  ): Promise<StoredWorkload | undefined> {
    return app.workloadId ? this.deps.workloads.get(app.workloadId) : undefined;
  }

  private async present(
    app: StoredApplication,
    known?: StoredWorkload,
  ): Promise<Application> {
    const workload = known ?? (await this.workloadOf(app));
    return {
      ...app,
      state: workload?.state ?? 'stopped',
      reason: workload?.reason,
      url: `/apps/${app.slug}/`,
    };
  }

  /** Checks what an app refers to; every problem names its field. */
  private async validate(
    project: Project,
    app: Pick<
      StoredApplication,
      'script' | 'runtimeId' | 'profile' | 'bypassAuthentication'
    >,
  ) {
    if (app.bypassAuthentication && !this.deps.allowBypassAuthentication) {
      throw new InputError(
        'bypassAuthentication: this portal does not allow applications without authentication (an admin enables ml.applications.allowBypassAuthentication)',
      );
    }
    await projectFileToRun(this.deps.files, project.id, 'script', app.script);
    await this.deps.launcher.place({
      project,
      runtimeId: app.runtimeId,
      checkRuntime: true,
      profile: app.profile,
    });
  }

  private slugTaken(slug: string) {
    return new ConflictError(
      `The slug '${slug}' is taken by another application; pick another`,
    );
  }

  async create(
    project: Project,
    input: ApplicationInput,
    actor: string,
  ): Promise<Application> {
    const { start, ...fields } = input;
    await this.validate(project, fields);
    if (await this.deps.applications.getBySlug(fields.slug))
      throw this.slugTaken(fields.slug);
    const env = await this.deps.secrets.seal(fields.env);
    let app: StoredApplication;
    try {
      app = await this.deps.applications.create({
        ...fields,
        env,
        id: uuid(),
        projectId: project.id,
        createdBy: actor,
      });
    } catch (error) {
      throw isUniqueViolation(error) ? this.slugTaken(fields.slug) : error;
    }
    return start ? this.start(project, app.id, actor) : this.present(app);
  }

  /** Changes take effect when the app next starts (restart to apply them). */
  async update(
    project: Project,
    appId: string,
    patch: ApplicationUpdate,
  ): Promise<Application> {
    const current = await this.load(project.id, appId);
    await this.validate(project, { ...current, ...patch });
    const sealed = patch.env
      ? { ...patch, env: await this.deps.secrets.seal(patch.env, current.env) }
      : patch;
    if (
      patch.slug &&
      patch.slug !== current.slug &&
      (await this.deps.applications.getBySlug(patch.slug))
    ) {
      throw this.slugTaken(patch.slug);
    }
    try {
      return this.present(
        (await this.deps.applications.update(appId, sealed))!,
      );
    } catch (error) {
      throw isUniqueViolation(error)
        ? this.slugTaken(patch.slug ?? current.slug)
        : error;
    }
  }

  async delete(project: Project, appId: string): Promise<void> {
    const app = await this.load(project.id, appId);
    await this.stopWorkload(app, 'its application was deleted');
    await this.deps.applications.delete(appId);
  }

  /**
   * Starts the app in a new workload; an app that is already queued or
   * running is left as it is.
   */
  async start(
    project: Project,
    appId: string,
    actor: string,
  ): Promise<Application> {
    const app = await this.load(project.id, appId);
    const current = await this.workloadOf(app);
    if (current && ACTIVE_STATES.includes(current.state))
      return this.present(app, current);

    const placement = await this.deps.launcher.place({
      project,
      runtimeId: app.runtimeId,
      profile: app.profile,
    });
    const { workload } = await this.deps.launcher.launch(placement, {
      kind: 'application',
      name: app.name,
      requester: actor,
      args: [app.script],
      env: [app.env],
      platformEnv: {
        ML_APP_SLUG: app.slug,
        ML_APP_BASE_PATH: `${this.deps.apiBasePath}/apps/${app.slug}/`,
      },
      ports: [APPLICATION_PORT],
      // Long-running: no timeout; a crash is started again a few times.
      maxAttempts: APPLICATION_MAX_ATTEMPTS,
      retryBackoffSeconds: APPLICATION_RETRY_BACKOFF_SECONDS,
      // Two starts racing from the same state make one workload.
      idempotencyKey: `application:${app.id}:after:${app.workloadId ?? 'none'}`,
    });
    await this.deps.applications.swapWorkload(
      app.id,
      app.workloadId,
      workload.id,
    );
    return this.get(project.id, appId);
  }

  async stop(project: Project, appId: string): Promise<Application> {
    const app = await this.load(project.id, appId);
    await this.stopWorkload(app, 'stopped by a user');
    return this.present(app);
  }

  async restart(
    project: Project,
    appId: string,
    actor: string,
  ): Promise<Application> {
    await this.stop(project, appId);
    return this.start(project, appId, actor);
  }

  private async stopWorkload(app: StoredApplication, reason: string) {
    const current = await this.workloadOf(app);
    if (current && ACTIVE_STATES.includes(current.state)) {
      await this.deps.engine.stop(current.id, reason);
    }
  }

  /**
   * Where the app with this slug answers: its running workload's registered
   * `app` port, and nothing else.
   */
  async target(slug: string): Promise<ApplicationTarget | undefined> {
    const app = await this.deps.applications.getBySlug(slug);
    if (!app) return undefined;
    const project = await this.deps.projects.get(app.projectId);
    const workload = await this.workloadOf(app);
    if (!workload || workload.state !== 'running') {
      return {
        app,
        project,
        state: workload?.state ?? 'stopped',
        reason: workload?.reason,
      };
    }
    const workspace = await this.deps.workspaces.get(workload.workspace);
    const endpoint = workspace
      ? await this.deps
          .driverFor(workspace)
          .endpoint(
            { workloadId: workload.id, attempt: workload.attempt },
            APPLICATION_PORT,
          )
      : undefined;
    if (!endpoint)
      return {
        app,
        project,
        state: workload.state,
        reason: 'the app has no address yet',
      };
    return { app, project, state: workload.state, url: endpoint.url };
  }
}
