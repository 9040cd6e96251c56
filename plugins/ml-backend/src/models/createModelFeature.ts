import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ComputeDriver } from '@ml-platform/plugin-ml-node';
import { Knex } from 'knex';
import path from 'node:path';
import { MlConfig } from '../config';
import { ProjectStore } from '../database';
import { PlatformEvents } from '../engine/PlatformEvents';
import { WorkloadEngine } from '../engine/WorkloadEngine';
import { ProjectFiles } from '../projects/ProjectFiles';
import { LaunchDeps } from '../engine/launchDeps';
import {
  LineageMonitoring,
  ModelBuildService,
} from './builds/ModelBuildService';
import { ModelBuildStore } from './builds/ModelBuildStore';
import { RegisteredVersions } from './builds/RegisteredVersions';
import { DeploymentReconciler } from './deployments/DeploymentReconciler';
import { ModelDeploymentService } from './deployments/ModelDeploymentService';
import { ModelDeploymentStore } from './deployments/ModelDeploymentStore';
import { ReplicaLauncher } from './deployments/ReplicaLauncher';
import { ReplicaReadiness } from './deployments/ReplicaReadiness';
import { ModelAccessKeyService } from './keys/ModelAccessKeyService';
import { ModelAccessKeyStore } from './keys/ModelAccessKeyStore';
import { ModelService } from './ModelService';
import { ModelStore } from './ModelStore';
import { MetricPointStore } from './monitoring/MetricPointStore';
import { AggregateMetricStore } from './monitoring/AggregateMetricStore';
import { MonitoringService } from './monitoring/MonitoringService';
import {
  PREDICTION_RECORDER_OPTIONS,
  PredictionRecorder,
} from './monitoring/PredictionRecorder';
import { PredictionStore } from './monitoring/PredictionStore';
import { ReplicaUsageSampler } from './monitoring/ReplicaUsageSampler';
import { ReplicaUsageStore } from './monitoring/ReplicaUsageStore';
import { createQualityFeature } from './quality/createQualityFeature';
import { ModelEventStore } from './events/ModelEventStore';
import { MonitorEvaluationStore } from './monitors/MonitorEvaluationStore';
import {
  MonitorEvaluator,
  MonitorJobStarter,
} from './monitors/MonitorEvaluator';
import { MonitorService } from './monitors/MonitorService';
import { CompositeMonitorSignals } from './monitors/MonitorSignals';
import { MonitorStore } from './monitors/MonitorStore';
import { TechnicalSignals } from './monitors/technicalSignals';
import { PromotionPolicyService } from './promotion/PromotionPolicyService';
import { PromotionService } from './promotion/PromotionService';
import { TrackedCandidates } from './promotion/TrackedCandidates';
import { StoredJob } from '../workloads/jobs/JobStore';
import { PromotionPolicyStore } from './promotion/PromotionPolicyStore';
import { ModelGateway } from './serving/ModelGateway';
import { ReplicaClient } from './serving/ReplicaClient';
import { ServingDirectory } from './serving/ServingDirectory';
import { ModelRollupService } from './rollups/ModelRollupService';
import { RawHourReader } from './rollups/RawHourReader';
import { RollupStore } from './rollups/RollupStore';

/**
 * Builds the models feature on top of the platform, the projects and the
 * engine: builds, deployments and their replicas, access keys, serving
 * (the directory the gateway routes by, and the gateway) and monitoring.
 * Build snapshots live in `<storageRoot>/builds/<build id>`.
 */
export function createModelFeature(options: {
  db: Knex;
  config: MlConfig;
  logger: LoggerService;
  events: PlatformEvents;
  /** What builds are launched with; deployments use its parts too. */
  launch: LaunchDeps;
  projectStore: ProjectStore;
  files: ProjectFiles;
  engine: WorkloadEngine;
  drivers: () => ComputeDriver[];
  /** Where builds from the model registry find their versions. */
  registry?: RegisteredVersions;
  /** The project's jobs, which monitors start. */
  jobs: MonitorJobStarter & {
    get(projectId: string, jobId: string): Promise<unknown>;
  };
  /** Where monitors tell the project's owner of a change of state. */
  notifications?: Pick<NotificationService, 'send'>;
  /** The jobs whose candidates are promoted. */
  jobStore: { get(id: string): Promise<StoredJob | undefined> };
}) {
  const { db, config, logger, events, launch, files, engine } = options;
  const { projects, launcher, secrets, driverFor } = launch;
  const { workspaces: workspaceStore, workloads: workloadStore } = launch;

  // Models: builds, deployments and their replicas, access keys.
  const modelStore = new ModelStore(db);
  const buildStore = new ModelBuildStore(db);
  const deploymentStore = new ModelDeploymentStore(db);
  const readiness = new ReplicaReadiness();
  const modelKeys = new ModelAccessKeyService({
    keys: new ModelAccessKeyStore(db),
    logger,
  });
  // The quality feature needs the builds' snapshots, so it comes later and
  // takes over saving what lineage.yaml declares then.
  const lineageMonitoring: LineageMonitoring = {
    saveLineageSettings: async () => {},
  };
  const modelBuilds = new ModelBuildService({
    ...launch,
    models: modelStore,
    builds: buildStore,
    files,
    engine,
    buildsRoot: path.join(config.storageRoot, 'builds'),
    logger,
    registry: options.registry,
    lineageMonitoring,
  });
  const drainMs = config.serving.drainSeconds * 1000;
  const replicas = new ReplicaLauncher({
    models: modelStore,
    deployments: deploymentStore,
    builds: buildStore,
    snapshotDir: id => modelBuilds.snapshotDir(id),
    engine,
    launcher,
    readiness,
    drainMs,
    logger,
  });
  const modelDeployments = new ModelDeploymentService({
    models: modelStore,
    deployments: deploymentStore,
    builds: buildStore,
    snapshotDir: id => modelBuilds.snapshotDir(id),
    projects,
    workloads: workloadStore,
    engine,
    secrets,
    readiness,
    launcher: replicas,
    events,
  });
  const modelDeploymentReconciler = new DeploymentReconciler({
    models: modelStore,
    deployments: deploymentStore,
    workloads: workloadStore,
    workspaces: workspaceStore,
    engine,
    driverFor,
    readiness,
    launcher: replicas,
    service: modelDeployments,
    events,
    drainMs,
    logger,
  });

  // Serving: the directory the gateway routes by, and the gateway.
  const modelDirectory = new ServingDirectory({
    models: modelStore,
    projects: options.projectStore,
    readiness,
    keys: modelKeys,
  });
  const servingLogger = logger.child({ component: 'serving' });
  // Hourly rollups the monitoring reads take closed hours from.
  const rollups = new RollupStore(db);
  const predictionStore = new PredictionStore(db, { rollups });
  const models = new ModelService({
    models: modelStore,
    projects,
    builds: modelBuilds,
    deployments: modelDeployments,
    keys: modelKeys,
    rollups,
    events,
  });
  const predictionRecorder = new PredictionRecorder(
    {
      store: predictionStore,
      logger: servingLogger.child({ component: 'prediction-recorder' }),
    },
    PREDICTION_RECORDER_OPTIONS,
  );
  // Quality and drift: settings, captured inputs, baselines.
  const aggregates = new AggregateMetricStore(db);
  const quality = createQualityFeature({
    db,
    models: modelStore,
    builds: buildStore,
    deployments: deploymentStore,
    snapshotDir: id => modelBuilds.snapshotDir(id),
    flush: () => predictionRecorder.flush(),
    logger: servingLogger.child({ component: 'input-recorder' }),
    rollups,
  });
  const modelRollups = new ModelRollupService({
    store: rollups,
    raw: new RawHourReader(db),
    quality: quality.quality,
    settings: quality.settings,
    baselines: quality.baselines,
    drift: quality.drift,
    logger: logger.child({ component: 'rollups' }),
  });
  lineageMonitoring.saveLineageSettings = (modelId, input) =>
    quality.service.saveLineageSettings(modelId, input);
  const gateway = new ModelGateway({
    directory: modelDirectory,
    client: new ReplicaClient({
      timeoutMs: config.serving.predictionTimeoutMs,
    }),
    recorder: config.serving.recordPredictions ? predictionRecorder : undefined,
    inputs: config.serving.recordPredictions
      ? quality.inputRecorder
      : undefined,
    options: {
      queueTimeoutMs: config.serving.queueTimeoutMs,
      failureRestMs: 1000,
    },
  });

  // Monitoring: predictions, metrics and replica usage.
  const replicaUsage = new ReplicaUsageStore(db);
  const monitoring = new MonitoringService({
    directory: modelDirectory,
    predictions: predictionStore,
    points: new MetricPointStore(db),
    usage: replicaUsage,
    aggregates,
    recorder: predictionRecorder,
    rollups,
  });
  const replicaUsageSampler = new ReplicaUsageSampler({
    workloads: workloadStore,
    drivers: options.drivers,
    store: replicaUsage,
  });

  // Monitors: evaluated once per window, and the model's history.
  const monitorStore = new MonitorStore(db);
  const monitorEvaluations = new MonitorEvaluationStore(db);
  const modelEvents = new ModelEventStore(db);
  const modelMonitors = new MonitorService({
    models: modelStore,
    monitors: monitorStore,
    evaluations: monitorEvaluations,
    events: modelEvents,
    jobs: options.jobs,
  });
  const monitorEvaluator = new MonitorEvaluator({
    monitors: monitorStore,
    evaluations: monitorEvaluations,
    signals: new CompositeMonitorSignals({
      technical: new TechnicalSignals(db, rollups),
      quality: quality.service,
      aggregate: aggregates,
    }),
    history: modelEvents,
    models: modelStore,
    projects,
    jobs: options.jobs,
    notifications: options.notifications,
    logger: logger.child({ component: 'monitors' }),
  });
  // Gated redeploy: when a job's candidate replaces the active deployment.
  const promotionPolicyStore = new PromotionPolicyStore(db);
  const promotionPolicies = new PromotionPolicyService({
    models: modelStore,
    policies: promotionPolicyStore,
  });
  const promotion = new PromotionService({
    jobs: options.jobStore,
    models: modelStore,
    policies: promotionPolicyStore,
    builds: buildStore,
    deployments: deploymentStore,
    buildService: modelBuilds,
    deploymentService: modelDeployments,
    runs: new TrackedCandidates(db),
    workloads: workloadStore,
    files,
    history: modelEvents,
    logger: logger.child({ component: 'promotion' }),
  });

  return {
    models,
    modelBuilds,
    modelDeployments,
    modelDeploymentReconciler,
    modelKeys,
    modelDirectory,
    gateway,
    predictionRecorder,
    monitoring,
    replicaUsageSampler,
    modelQuality: quality.service,
    predictionInputRecorder: quality.inputRecorder,
    modelMonitors,
    monitorEvaluator,
    modelRollups,
    modelEvents,
    promotionPolicies,
    promotion,
  };
}
