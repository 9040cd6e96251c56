import express from 'express';
import Router from 'express-promise-router';
import { ProfileService } from './platform/ProfileService';
import { ProjectFiles } from './projects/ProjectFiles';
import { ProjectService } from './projects/ProjectService';
import { QuotaService } from './platform/QuotaService';
import { RuntimeService } from './platform/RuntimeService';
import { WorkspaceService } from './platform/WorkspaceService';
import { RequestAccess } from './access/RequestAccess';
import { createLineageRouter } from './models/lineage/lineageRouter';
import { LineageService } from './models/lineage/LineageService';
import { createFilesRouter, uploadBodyParser } from './projects/filesRouter';
import { createOpenApiRouter } from './openapi/openApiRouter';
import { createProjectsRouter } from './projects/projectsRouter';
import { createRuntimesRouter } from './platform/runtimesRouter';
import { createWorkspacesRouter } from './platform/workspacesRouter';
import { JobService } from './workloads/jobs/JobService';
import { SessionService } from './workloads/sessions/SessionService';
import { WorkloadService } from './workloads/WorkloadService';
import { createJobsRouter } from './workloads/jobs/jobsRouter';
import { createSessionsRouter } from './workloads/sessions/sessionsRouter';
import { createWorkloadsRouter } from './workloads/workloadsRouter';
import { createModelsRouter } from './models/modelsRouter';
import { ModelService } from './models/ModelService';
import { ModelBuildService } from './models/builds/ModelBuildService';
import { ModelDeploymentService } from './models/deployments/ModelDeploymentService';
import { ModelAccessKeyService } from './models/keys/ModelAccessKeyService';
import { createWorkloadApiRouter } from './workloads/api/workloadApiRouter';
import { ProjectStore, WorkloadStore } from './database';
import { TrackingFeature } from './experiments/createTrackingFeature';
import { LoggerService } from '@backstage/backend-plugin-api';
import { WorkloadEngine } from './engine/WorkloadEngine';
import { WorkloadTokens } from './engine/WorkloadTokens';

import { ApplicationProxy } from './applications/ApplicationProxy';
import { ApplicationService } from './applications/ApplicationService';
import { createApplicationsRouter } from './applications/applicationsRouter';
import { ModelGateway } from './models/serving/ModelGateway';
import { MonitoringService } from './models/monitoring/MonitoringService';
import { createMonitoringRouter } from './models/monitoring/monitoringRouter';
import { ModelQualityService } from './models/quality/ModelQualityService';
import { createQualityRouter } from './models/quality/qualityRouter';
import { MonitorService } from './models/monitors/MonitorService';
import { createMonitorsRouter } from './models/monitors/monitorsRouter';
import { createServingRouter } from './models/serving/servingRouter';
import { createWorkloadMetricsRouter } from './models/monitoring/workloadMetricsRouter';
import { PromotionPolicyService } from './models/promotion/PromotionPolicyService';
import { createPromotionRouter } from './models/promotion/promotionRouter';
import { requireWorkload } from './workloads/api/workloadAuth';

const MAX_JSON_BODY = '1mb';
const MAX_PREDICTION_BODY = 5 * 1024 * 1024;

/** @internal */
export interface RouterOptions {
  access: RequestAccess;
  workspaces: WorkspaceService;
  runtimes: RuntimeService;
  profiles: ProfileService;
  quotas: QuotaService;
  projects: ProjectService;
  files: ProjectFiles;
  sessions: SessionService;
  jobs: JobService;
  workloads: WorkloadService;
  models: ModelService;
  modelBuilds: ModelBuildService;
  modelDeployments: ModelDeploymentService;
  modelKeys: ModelAccessKeyService;
  workloadStore: WorkloadStore;
  engine: WorkloadEngine;
  tokens: WorkloadTokens;
  maxUploadBytes: number;
  /** Announces successful writes on `ml.changes` (for the catalog). */
  changes?: express.RequestHandler;
  applications: ApplicationService;
  gateway: ModelGateway;
  monitoring: MonitoringService;
  modelQuality: ModelQualityService;
  modelMonitors: MonitorService;
  promotionPolicies: PromotionPolicyService;
  tracking: TrackingFeature;
  projectStore: ProjectStore;
  logger: LoggerService;
}

/** @internal */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  // Predictions first: the hot path reads its own body (up to 5 MB) and
  // needs nothing of what follows.
  router.use(
    createServingRouter({ ...options, maxBodyBytes: MAX_PREDICTION_BODY }),
  );
  // MLflow's API parses its own bodies (Python clients write NaN) and
  // answers in MLflow's error shape.
  router.use(options.tracking.router(options));
  if (options.changes) router.use(options.changes);
  // The upload parser runs first so that a JSON file is stored as sent rather
  // than parsed by the JSON body parser below.
  router.put(
    '/projects/:projectId/files/content',
    uploadBodyParser(options.maxUploadBytes),
  );
  // Applications get their request bodies untouched: ahead of the JSON parser.
  router.use(new ApplicationProxy(options).middleware);
  router.use(express.json({ limit: MAX_JSON_BODY }));

  router.use(createOpenApiRouter());
  router.use(createWorkspacesRouter(options));
  router.use(createRuntimesRouter(options));
  router.use(createProjectsRouter(options));
  router.use(createFilesRouter(options));
  router.use(createSessionsRouter(options));
  router.use(createJobsRouter(options));
  router.use(createWorkloadsRouter(options));
  router.use(createModelsRouter(options));
  router.use(
    createLineageRouter({
      access: options.access,
      lineage: new LineageService({
        ...options,
        experimentRuns: options.tracking.experimentRuns,
      }),
    }),
  );
  router.use(createApplicationsRouter(options));
  router.use(createWorkloadApiRouter(options));
  router.use(createMonitoringRouter(options));
  router.use(createPromotionRouter(options));
  router.use(
    createQualityRouter({
      access: options.access,
      quality: options.modelQuality,
    }),
  );
  router.use(
    createMonitorsRouter({
      access: options.access,
      monitors: options.modelMonitors,
    }),
  );
  router.use(
    createWorkloadMetricsRouter({
      monitoring: options.monitoring,
      requireWorkload: requireWorkload({
        tokens: options.tokens,
        workloads: options.workloadStore,
      }),
    }),
  );
  return router;
}
