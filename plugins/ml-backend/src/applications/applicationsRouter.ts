import { Request } from 'express';
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
import { projectParams } from '../projects/projectsRouter';
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
  const router = Router();

  router.get('/applications/settings', async (req, res) => {
    await access.user(req);
    res.json(applications.settings());
  });

  router.get('/projects/:projectId/applications', async (req, res) => {
    const { projectId } = parseInput(projectParams, req.params, 'path');
    await access.readProject(req, projectId);
    res.json({ items: await applications.list(projectId) });
  });

  router.post('/projects/:projectId/applications', async (req, res) => {
    const { projectId } = parseInput(projectParams, req.params, 'path');
    const { caller, project } = await access.projectFor(
      req,
      projectId,
      mlProjectWritePermission,
    );
    const input = parseInput(createApplicationSchema, req.body, 'body');
    res.status(201).json(await applications.create(project, input, caller.ref));
  });

  router.get('/projects/:projectId/applications/:appId', async (req, res) => {
    const { projectId, appId } = parseInput(
      applicationParams,
      req.params,
      'path',
    );
    await access.readProject(req, projectId);
    res.json(await applications.get(projectId, appId));
  });

  router.patch('/projects/:projectId/applications/:appId', async (req, res) => {
    const { projectId, appId } = parseInput(
      applicationParams,
      req.params,
      'path',
    );
    const { project } = await access.projectFor(
      req,
      projectId,
      mlProjectWritePermission,
    );
    const patch = parseInput(updateApplicationSchema, req.body, 'body');
    res.json(await applications.update(project, appId, patch));
  });

  /**
   * The caller and the project of an app, from the path, if the caller holds
   * the permission: contributors define apps, operators start and stop them.
   */
  const changeable = async (
    req: Request,
    permission = mlProjectOperatePermission,
  ) => {
    const { projectId, appId } = parseInput(
      applicationParams,
      req.params,
      'path',
    );
    const { caller, project } = await access.projectFor(
      req,
      projectId,
      permission,
    );
    return { caller, project, appId };
  };

  router.delete(
    '/projects/:projectId/applications/:appId',
    async (req, res) => {
      const { project, appId } = await changeable(
        req,
        mlProjectWritePermission,
      );
      await applications.delete(project, appId);
      res.status(204).end();
    },
  );

  router.post(
    '/projects/:projectId/applications/:appId/start',
    async (req, res) => {
      const { caller, project, appId } = await changeable(req);
      res.json(await applications.start(project, appId, caller.ref));
    },
  );

  router.post(
    '/projects/:projectId/applications/:appId/stop',
    async (req, res) => {
      const { project, appId } = await changeable(req);
      res.json(await applications.stop(project, appId));
    },
  );

  router.post(
    '/projects/:projectId/applications/:appId/restart',
    async (req, res) => {
      const { caller, project, appId } = await changeable(req);
      res.json(await applications.restart(project, appId, caller.ref));
    },
  );

  return router;
}
