import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import { ComputeDriver, MlNotifier } from '@ml-platform/plugin-ml-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import path from 'node:path';
import { ApplicationService } from './applications/ApplicationService';
import { ApplicationStore } from './applications/ApplicationStore';
import { MlConfig } from './config';
import { createTrackingFeature } from './experiments/createTrackingFeature';
import { SqlTrackingSearch } from './experiments/tracking/SqlTrackingSearch';
import { createModelFeature } from './models/createModelFeature';
import { ModelStore } from './models/ModelStore';
import { LaunchDeps } from './engine/launchDeps';
import {
  ProfileStore,
  ProjectStore,
  QueueStore,
  QuotaStore,
  RuntimeStore,
  SettingsStore,
  WorkloadStore,
  WorkspaceStore,
} from './database';
import { AdmissionService } from './engine/AdmissionService';
import { LocalProcessDriver } from './engine/drivers/local';
import { LocalIsolation } from './engine/drivers/local/isolation';
import { installedDrivers } from './engine/drivers/installedDrivers';
import { PlatformEvents } from './engine/PlatformEvents';
import { Reconciler } from './engine/Reconciler';
import { WorkloadEngine } from './engine/WorkloadEngine';
import { WorkloadLauncher } from './engine/WorkloadLauncher';
import { WorkloadTokens } from './engine/WorkloadTokens';
import { LiveStateSignals } from './live/LiveStateSignals';
import { StateChangeFeed } from './live/StateChangeFeed';
import { StateChangeStore } from './live/StateChangeStore';
import { ProfileService } from './platform/ProfileService';
import { QuotaService } from './platform/QuotaService';
import { RuntimeService } from './platform/RuntimeService';
import { WorkspaceService } from './platform/WorkspaceService';
import { ProjectFiles } from './projects/ProjectFiles';
import { ProjectService } from './projects/ProjectService';
import { EnvSecrets } from './secrets/EnvSecrets';
import { FollowStreamLimiter } from './workloads/FollowStreamLimiter';
import { JobService } from './workloads/jobs/JobService';
import { JobStore } from './workloads/jobs/JobStore';
import { createJobNotifications } from './workloads/jobs/notifications';
import { SessionService } from './workloads/sessions/SessionService';
import { SessionTranscriptStore } from './workloads/sessions/SessionTranscriptStore';
import { WorkloadService } from './workloads/WorkloadService';

/**
 * Builds the whole plugin: stores, the engine and its drivers, then each
 * feature on top of them, then who listens to which platform event. The
 * local-process driver is built in; modules add drivers and notifiers
 * through ml-node.
 */
export function createMlBackend(options: {
  db: Knex;
  config: MlConfig;
  logger: LoggerService;
  extraDrivers: ComputeDriver[];
  notifiers: MlNotifier[];
  apiUrl: string;
  sdkPath: string;
  /** Where pages hear of state changes; without it they only poll. */
  signals?: Pick<SignalsService, 'publish'>;
  /** Where monitors notify the project's owner; without it they do not. */
  notifications?: Pick<NotificationService, 'send'>;
}) {
  const { db, config, logger } = options;
  const events = new PlatformEvents();

  // Stores the engine and several features share.
  const workspaceStore = new WorkspaceStore(db);
  const runtimeStore = new RuntimeStore(db);
  const profileStore = new ProfileStore(db);
  const projectStore = new ProjectStore(db);
  const workloadStore = new WorkloadStore(db);
  const queue = new QueueStore(db);
  const quotaStore = new QuotaStore(db);
  const settings = new SettingsStore(db);
  const tokens = new WorkloadTokens(settings);
  const secrets = new EnvSecrets({ key: config.secretKey, settings });

  // Drivers. The isolation is shared by the local driver and the project
  // files: both hand a project's folders to the project's uid.
  const stateDir = path.join(config.storageRoot, 'local-driver');
  const localLogger = logger.child({ driver: 'local' });
  const isolation = new LocalIsolation({
    stateDir,
    logger: localLogger,
    enabled: config.localDriver.isolation.enabled,
    uidRange: config.localDriver.isolation.uidRange,
    storageRoot: config.storageRoot,
    sdkPath: options.sdkPath,
  });
  const local = new LocalProcessDriver({
    stateDir,
    sdkPath: options.sdkPath,
    logger: localLogger,
    isolation,
  });
  const { drivers, driverFor } = installedDrivers(() => [
    local,
    ...options.extraDrivers,
  ]);
  const files = new ProjectFiles(
    path.join(config.storageRoot, 'projects'),
    isolation,
  );

  // Platform: workspaces and what is configured per workspace.
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

  // The engine: queue, admission, start and stop, reconcile.
  const engine = new WorkloadEngine({
    workloads: workloadStore,
    workspaces: workspaceStore,
    runtimes: runtimeStore,
    files,
    admission: new AdmissionService({
      queue,
      starvationMs: config.engine.starvationSeconds * 1000,
    }),
    driverFor,
    logger,
    apiUrl: options.apiUrl,
    tokens,
    secrets,
    quotas: quotaStore,
    events,
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

  // Projects, and how their work is launched.
  const projects = new ProjectService({
    projects: projectStore,
    workspaces,
    files,
    secrets,
    engine,
    events,
  });
  const launcher = new WorkloadLauncher({
    projects,
    workspaces: workspaceStore,
    runtimes: runtimeStore,
    profiles: profileStore,
    engine,
  });

  // Workloads: jobs, sessions, the workloads themselves.
  const jobStore = new JobStore(db);
  const jobs = new JobService({
    jobs: jobStore,
    projects,
    files,
    models: new ModelStore(db),
    workloads: workloadStore,
    engine,
    launcher,
    secrets,
    logger,
  });
  const launch: LaunchDeps = {
    projects,
    workspaces: workspaceStore,
    workloads: workloadStore,
    launcher,
    secrets,
    driverFor,
  };
  const sessions = new SessionService({
    ...launch,
    idleTimeoutSeconds: config.engine.sessionIdleMinutes * 60,
    maxDurationSeconds: config.engine.sessionMaxHours * 3600,
    transcripts: new SessionTranscriptStore(db),
  });
  const workloads = new WorkloadService({
    workloads: workloadStore,
    workspaces: workspaceStore,
    queue,
    quotas: quotaStore,
    engine,
    driverFor,
    maxLogReadBytes: config.logs.maxReadBytes,
    followStreams: new FollowStreamLimiter(config.logs.maxFollowStreamsPerUser),
  });

  // Applications.
  const applicationStore = new ApplicationStore(db);
  const applications = new ApplicationService({
    ...launch,
    applications: applicationStore,
    files,
    engine,
    allowBypassAuthentication: config.applications.allowBypassAuthentication,
    apiBasePath: new URL(options.apiUrl).pathname.replace(/\/$/, ''),
  });

  // Experiments: MLflow's tracking API over the project's experiments.
  const tracking = createTrackingFeature({
    db,
    search: new SqlTrackingSearch(db),
    storageRoot: config.storageRoot,
  });

  // Models: builds, deployments, access keys, serving and monitoring.
  const modelFeature = createModelFeature({
    db,
    config,
    logger,
    events,
    launch,
    projectStore,
    files,
    engine,
    drivers,
    registry: tracking.registeredVersions,
    jobs,
    notifications: options.notifications,
    jobStore,
  });

  // Who listens to what, in the order the listeners run.
  events.on('workloadEnded', w => jobs.onWorkloadEnded(w));
  events.on(
    'workloadEnded',
    createJobNotifications(() => options.notifiers, logger),
  );
  events.on('workloadEnded', w => modelFeature.modelBuilds.onWorkloadEnded(w));
  // A job run's candidate is weighed in the background: its build may take long.
  events.on('workloadEnded', w => modelFeature.promotion?.onWorkloadEnded(w));
  const liveState = options.signals
    ? new LiveStateSignals({ signals: options.signals, logger })
    : undefined;
  // Last: a page re-reads an ended workload once all that reacts to the end
  // has written (a build's result, a job's next run).
  events.on('workloadEnded', async w => {
    await liveState?.publish([
      { projectId: w.projectId, workspace: w.workspace, change: 'workload' },
    ]);
  });
  // No cron tick, dependent run, app start or deployment may begin new work
  // of a project being deleted: they go before its work is stopped.
  events.on('projectDeleting', async projectId => {
    await jobStore.deleteAllOfProject(projectId);
    await applicationStore.deleteAllOfProject(projectId);
  });
  events.on('projectDeleting', projectId =>
    modelFeature.models.deleteAllOfProject(projectId),
  );
  events.on('projectDeleting', projectId =>
    tracking.deleteAllOfProject(projectId),
  );
  // Drivers that keep per-project things (a Kubernetes namespace) clean them
  // up once the project's work is stopped. A cluster that is away must not
  // block the deletion: log and go on.
  events.on('projectDeleted', async project => {
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
  events.on('modelChanged', modelId =>
    modelFeature.modelDirectory.changed(modelId),
  );

  return {
    events,
    liveState,
    stateChanges: liveState
      ? new StateChangeFeed({
          store: new StateChangeStore(db),
          signals: liveState,
        })
      : undefined,
    workspaceStore,
    workloadStore,
    projectStore,
    tokens,
    files,
    isolation,
    engine,
    reconciler,
    workspaces,
    runtimes: new RuntimeService({ runtimes: runtimeStore, logger }),
    profiles: new ProfileService({ profiles: profileStore, workspaces }),
    quotas: new QuotaService({ quotas: quotaStore, workspaces }),
    projects,
    jobs,
    sessions,
    workloads,
    applications,
    tracking,
    ...modelFeature,
  };
}

export type MlBackend = ReturnType<typeof createMlBackend>;
