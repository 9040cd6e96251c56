import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { Workspace } from '@ml-platform/plugin-ml-common';
import { ComputeDriver, MlNotifier } from '@ml-platform/plugin-ml-node';
import { Knex } from 'knex';
import path from 'node:path';
import { MlConfig } from './config';
import { JobStore } from './workloads/jobs/JobStore';
import { ProfileStore, ProjectStore, QueueStore, QuotaStore, RuntimeStore, SettingsStore, WorkloadStore, WorkspaceStore } from './database';
import { LocalProcessDriver } from './engine/drivers/local';
import { LocalIsolation } from './engine/drivers/local/isolation';
import { AdmissionService } from './engine/AdmissionService';
import { Reconciler } from './engine/Reconciler';
import { WorkloadEngine } from './engine/WorkloadEngine';
import { WorkloadLauncher } from './engine/WorkloadLauncher';
import { JobService } from './workloads/jobs/JobService';
import { createJobNotifications } from './workloads/jobs/notifications';
import { ProfileService } from './platform/ProfileService';
import { ProjectFiles } from './projects/ProjectFiles';
import { ProjectService } from './projects/ProjectService';
import { QuotaService } from './platform/QuotaService';
import { RuntimeService } from './platform/RuntimeService';
import { SessionService } from './workloads/sessions/SessionService';
import { WorkloadService } from './workloads/WorkloadService';
import { FollowStreamLimiter } from './workloads/FollowStreamLimiter';
import { WorkloadTokens } from './engine/WorkloadTokens';
import { WorkspaceService } from './platform/WorkspaceService';
import { createModelServices } from './models/createModelServices';
import { createServing } from './models/serving/createServing';
import { ApplicationStore } from './applications/ApplicationStore';
import { ApplicationService } from './applications/ApplicationService';
import { EnvSecrets } from './secrets/EnvSecrets';

/**
 * Builds the plugin's stores, services and engine. The local-process driver
 * is built in; modules add drivers and notifiers through ml-node.
 */
export function createMlServices(options: {
  db: Knex;
  config: MlConfig;
  logger: LoggerService;
  extraDrivers: ComputeDriver[];
  notifiers: MlNotifier[];
  apiUrl: string;
  sdkPath: string;
}) {
  const { db, config, logger } = options;
  const workspaceStore = new WorkspaceStore(db);
  const runtimeStore = new RuntimeStore(db);
  const profileStore = new ProfileStore(db);
  const projectStore = new ProjectStore(db);
  const workloadStore = new WorkloadStore(db);
  const queue = new QueueStore(db);
  const quotaStore = new QuotaStore(db);
  const stateDir = path.join(config.storageRoot, 'local-driver');
  const localLogger = logger.child({ driver: 'local' });
  // Shared by the driver and the project files: both hand a project's
  // folders to the project's uid.
  const isolation = new LocalIsolation({
    stateDir,
    logger: localLogger,
    enabled: config.localDriver.isolation.enabled,
    uidRange: config.localDriver.isolation.uidRange,
    storageRoot: config.storageRoot,
    sdkPath: options.sdkPath,
  });
  const files = new ProjectFiles(
    path.join(config.storageRoot, 'projects'),
    isolation,
  );
  const settings = new SettingsStore(db);
  const tokens = new WorkloadTokens(settings);
  const secrets = new EnvSecrets({ key: config.secretKey, settings });

  const local = new LocalProcessDriver({
    stateDir,
    sdkPath: options.sdkPath,
    logger: localLogger,
    isolation,
  });
  const drivers = () => [local, ...options.extraDrivers];
  const driverFor = (workspace: Workspace): ComputeDriver => {
    const driver = drivers().find(d => d.name === workspace.driver);
    if (!driver) {
      throw new InputError(
        `The '${workspace.driver}' driver of workspace '${workspace.name}' is not installed`,
      );
    }
    return driver;
  };

  const workspaces = new WorkspaceService({
    workspaces: workspaceStore,
    secrets,
    profiles: profileStore,
    projects: projectStore,
    workloads: workloadStore,
    installedDrivers: () => drivers().map(d => d.name),
    defaultUserQuota: config.defaultUserQuota,
    usage: workspace => queue.usage(workspace),
    availability: async workspace => {
      try {
        return await driverFor(workspace).status?.(workspace.name);
      } catch (error) {
        return { available: false, message: (error as Error).message };
      }
    },
  });
  const admission = new AdmissionService({
    queue,
    starvationMs: config.engine.starvationSeconds * 1000,
  });
  const engine = new WorkloadEngine({
    workloads: workloadStore,
    workspaces: workspaceStore,
    runtimes: runtimeStore,
    files,
    admission,
    driverFor,
    logger,
    apiUrl: options.apiUrl,
    tokens,
    secrets,
    quotas: quotaStore,
  });
  const projects = new ProjectService({
    projects: projectStore,
    workspaces,
    files,
    secrets,
    engine,
  });
  // Drivers that keep per-project things (a Kubernetes namespace) clean them
  // up once the project's work is stopped. A cluster that is away must not
  // block the deletion: log and go on.
  projects.afterDelete(async project => {
    const workspace = await workspaceStore.get(project.workspace);
    if (!workspace) return;
    try {
      await driverFor(workspace).deleteProject?.(workspace.name, project.id);
    } catch (error) {
      logger.warn(
        `Could not clean up project ${project.id} in workspace ${workspace.name}: ${error}`,
      );
    }
  });
  const launcher = new WorkloadLauncher({
    projects,
    workspaces: workspaceStore,
    runtimes: runtimeStore,
    profiles: profileStore,
    engine,
  });
  const reconciler = new Reconciler({
    engine,
    workloads: workloadStore,
    workspaces: workspaceStore,
    queue,
    drivers,
    driverFor,
    logger,
    options: {
      maxBackoffSeconds: config.engine.maxBackoffSeconds,
      nodeIdleMs: config.engine.nodeIdleSeconds * 1000,
      startGraceMs: 30_000,
    },
  });
  // No cron tick, dependent run or app start may begin new work of a
  // project being deleted: its jobs and apps go before its work is stopped.
  const jobStore = new JobStore(db);
  const applicationStore = new ApplicationStore(db);
  projects.onDelete(async projectId => {
    await jobStore.deleteAllOfProject(projectId);
    await applicationStore.deleteAllOfProject(projectId);
  });
  const jobs = new JobService({
    jobs: jobStore,
    projects,
    files,
    workloads: workloadStore,
    engine,
    launcher,
    secrets,
    logger,
  });
  engine.onEnded(w => jobs.onWorkloadEnded(w));
  engine.onEnded(createJobNotifications(() => options.notifiers, logger));
  const modelServices = createModelServices({
    db,
    storageRoot: config.storageRoot,
    drainSeconds: config.serving.drainSeconds,
    logger,
    projects,
    workspaceStore,
    workloadStore,
    files,
    engine,
    launcher,
    secrets,
    driverFor,
  });
  const serving = createServing({
    db,
    config: config.serving,
    logger: logger.child({ component: 'serving' }),
    directory: modelServices.modelDirectory,
    drivers,
    workloadStore,
  });

  return {
    ...modelServices,
    ...serving,
    workspaceStore,
    workloadStore,
    projectStore,
    tokens,
    files,
    isolation,
    engine,
    reconciler,
    workspaces,
    projects,
    jobs,
    runtimes: new RuntimeService({ runtimes: runtimeStore, logger }),
    profiles: new ProfileService({ profiles: profileStore, workspaces }),
    quotas: new QuotaService({ quotas: quotaStore, workspaces }),
    sessions: new SessionService({
      projects,
      workspaces: workspaceStore,
      workloads: workloadStore,
      launcher,
      secrets,
      driverFor,
      idleTimeoutSeconds: config.engine.sessionIdleMinutes * 60,
      maxDurationSeconds: config.engine.sessionMaxHours * 3600,
    }),
    workloads: new WorkloadService({
      workloads: workloadStore,
      workspaces: workspaceStore,
      queue,
      quotas: quotaStore,
      engine,
      driverFor,
      maxLogReadBytes: config.logs.maxReadBytes,
      followStreams: new FollowStreamLimiter(
        config.logs.maxFollowStreamsPerUser,
      ),
    }),
    applications: new ApplicationService({
      applications: applicationStore,
      projects,
      workspaces: workspaceStore,
      files,
      workloads: workloadStore,
      engine,
      launcher,
      secrets,
      driverFor,
      allowBypassAuthentication: config.applications.allowBypassAuthentication,
      apiBasePath: new URL(options.apiUrl).pathname.replace(/\/$/, ''),
    }),
  };
}

export type MlServices = ReturnType<typeof createMlServices>;
