import express from 'express';
import Router from 'express-promise-router';
import { ProfileService } from '../service/ProfileService';
import { ProjectFiles } from '../service/ProjectFiles';
import { ProjectService } from '../service/ProjectService';
import { QuotaService } from '../service/QuotaService';
import { RuntimeService } from '../service/RuntimeService';
import { WorkspaceService } from '../service/WorkspaceService';
import { RequestAccess } from '../access/RequestAccess';
import { createLineageRouter } from './lineageRouter';
import { LineageService } from '../service/LineageService';
import { createFilesRouter, uploadBodyParser } from './filesRouter';
import { createOpenApiRouter } from './openApiRouter';
import { createProjectsRouter } from './projectsRouter';
import { createRuntimesRouter } from './runtimesRouter';
import { createWorkspacesRouter } from './workspacesRouter';
import { JobService } from '../service/JobService';
import { SessionService } from '../service/SessionService';
import { WorkloadService } from '../service/WorkloadService';
import { createJobsRouter } from './jobsRouter';
import { createSessionsRouter } from './sessionsRouter';
import { createWorkloadsRouter } from './workloadsRouter';
import { createModelsRouter } from './modelsRouter';
import { ModelService } from '../service/models/ModelService';
import { ModelBuildService } from '../service/models/ModelBuildService';
import { ModelDeploymentService } from '../service/models/ModelDeploymentService';
import { ModelAccessKeyService } from '../service/models/ModelAccessKeyService';
import { createWorkloadApiRouter } from './workloadApiRouter';
import { WorkloadStore } from '../database';
import { WorkloadEngine } from '../engine/WorkloadEngine';
import { WorkloadTokens } from '../service/WorkloadTokens';

import { ApplicationProxy } from '../applications/ApplicationProxy';
import { ApplicationService } from '../service/ApplicationService';
import { createApplicationsRouter } from './applicationsRouter';
import { ModelGateway } from '../serving/ModelGateway';
import { MonitoringService } from '../serving/MonitoringService';
import { createMonitoringRouter } from '../serving/monitoringRouter';
import { createServingRouter } from '../serving/servingRouter';
import { createWorkloadMetricsRouter } from '../serving/workloadMetricsRouter';
import { requireWorkload } from './workloadAuth';

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
}

/** @internal */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const router = Router();
  // Predictions first: the hot path reads its own body (up to 5 MB) and
  // needs nothing of what follows.
  router.use(createServingRouter({ ...options, maxBodyBytes: MAX_PREDICTION_BODY }));
  if (options.changes) router.use(options.changes);
  // The upload parser runs first so that a JSON file is stored as sent rather
  // than parsed by the JSON body parser below.
  router.put('/projects/:projectId/files/content', uploadBodyParser(options.maxUploadBytes));
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
  router.use(createLineageRouter({ access: options.access, lineage: new LineageService(options) }));
  router.use(createApplicationsRouter(options));
  router.use(createWorkloadApiRouter(options));
  router.use(createMonitoringRouter(options));
  router.use(
    createWorkloadMetricsRouter({
      monitoring: options.monitoring,
      requireWorkload: requireWorkload({ tokens: options.tokens, workloads: options.workloadStore }),
    }),
  );
  return router;
}
