import Router from 'express-promise-router';
import { z } from 'zod';
import {
  createApplicationSchema,
  mlProjectOperatePermission,
  mlProjectWritePermission,
  updateApplicationSchema,
} from '@ml-platform/plugin-ml-common';
import { ApplicationService } from './ApplicationService';
import { RequestAccess } from '../access/RequestAccess';
import { projectParams, projectRoutes } from '../http/projectRoutes';
import { parseInput } from '../http/validation';

const applicationParams = projectParams.extend({ appId: z.string().uuid() });

/**
 * Applications of a project: CRUD, start/stop/restart. Logs are the app
 * workload's (/workloads/:workloadId/logs); the app itself is served by the
 * application proxy.
 */
export function createApplicationsRouter(deps: {
  access: RequestAccess;
  applications: ApplicationService;
}) {
  const { access, applications } = deps;
  const routes = projectRoutes(access);
  const asWriter = routes.holding(mlProjectWritePermission);
  // Contributors define apps, operators start and stop them.
  const asOperator = routes.holding(mlProjectOperatePermission);
  const router = Router();

  router.get('/applications/settings', async (req, res) => {
    await access.user(req);
    res.json(applications.settings());
  });

  router.get('/projects/:projectId/applications', async (req, res) => {
    const { projectId } = await routes.read(req, projectParams);
    res.json({ items: await applications.list(projectId) });
  });

  router.post('/projects/:projectId/applications', async (req, res) => {
    const { caller, project } = await asWriter(req, projectParams);
    const input = parseInput(createApplicationSchema, req.body, 'body');
    res.status(201).json(await applications.create(project, input, caller.ref));
  });

  router.get('/projects/:projectId/applications/:appId', async (req, res) => {
    const { projectId, appId } = await routes.read(req, applicationParams);
    res.json(await applications.get(projectId, appId));
  });

  router.patch('/projects/:projectId/applications/:appId', async (req, res) => {
    const { project, appId } = await asWriter(req, applicationParams);
    const patch = parseInput(updateApplicationSchema, req.body, 'body');
    res.json(await applications.update(project, appId, patch));
  });

  const app = '/projects/:projectId/applications/:appId';

  router.delete(app, async (req, res) => {
    const { project, appId } = await asWriter(req, applicationParams);
    await applications.delete(project, appId);
    res.status(204).end();
  });

  router.post(`${app}/start`, async (req, res) => {
    const { caller, project, appId } = await asOperator(req, applicationParams);
    res.json(await applications.start(project, appId, caller.ref));
  });

  router.post(`${app}/stop`, async (req, res) => {
    const { project, appId } = await asOperator(req, applicationParams);
    res.json(await applications.stop(project, appId));
  });

  router.post(`${app}/restart`, async (req, res) => {
    const { caller, project, appId } = await asOperator(req, applicationParams);
    res.json(await applications.restart(project, appId, caller.ref));
  });

  return router;
}
