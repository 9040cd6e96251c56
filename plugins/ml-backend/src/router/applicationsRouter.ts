import { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  createApplicationSchema,
  updateApplicationSchema,
} from '@ml-platform/plugin-ml-common';
import { ApplicationService } from '../service/ApplicationService';
import { ProjectMembership } from '../service/ProjectMembership';
import { RequestAccess } from './access';
import { projectParams } from './projectsRouter';
import { parseInput } from './validation';

const applicationParams = projectParams.extend({ appId: z.string().uuid() });

/**
 * Applications of a project: CRUD, start/stop/restart. Logs are the app
 * workload's (/workloads/:workloadId/logs); the app itself is served by the
 * application proxy.
 */
export function createApplicationsRouter(deps: {
  access: RequestAccess;
  applications: ApplicationService;
  projectMembership: ProjectMembership;
}) {
  const { access, applications, projectMembership } = deps;
  const router = Router();

  router.get('/applications/settings', async (req, res) => {
    await access.user(req);
    res.json(applications.settings());
  });

  router.get('/projects/:projectId/applications', async (req, res) => {
    const ownershipRefs = await access.readerOwnership(req);
    const { projectId } = parseInput(projectParams, req.params, 'path');
    await projectMembership.readable(projectId, ownershipRefs);
    res.json({ items: await applications.list(projectId) });
  });

  router.post('/projects/:projectId/applications', async (req, res) => {
    const caller = await access.user(req);
    const { projectId } = parseInput(projectParams, req.params, 'path');
    const input = parseInput(createApplicationSchema, req.body, 'body');
    const project = await projectMembership.writable(
      projectId,
      caller.ownershipRefs,
    );
    res.status(201).json(await applications.create(project, input, caller.ref));
  });

  router.get('/projects/:projectId/applications/:appId', async (req, res) => {
    const ownershipRefs = await access.readerOwnership(req);
    const { projectId, appId } = parseInput(
      applicationParams,
      req.params,
      'path',
    );
    await projectMembership.readable(projectId, ownershipRefs);
    res.json(await applications.get(projectId, appId));
  });

  router.patch('/projects/:projectId/applications/:appId', async (req, res) => {
    const caller = await access.user(req);
    const { projectId, appId } = parseInput(
      applicationParams,
      req.params,
      'path',
    );
    const patch = parseInput(updateApplicationSchema, req.body, 'body');
    const project = await projectMembership.writable(
      projectId,
      caller.ownershipRefs,
    );
    res.json(await applications.update(project, appId, patch));
  });

  /** The caller and the project of an app they may change, from the path. */
  const changeable = async (req: Request) => {
    const caller = await access.user(req);
    const { projectId, appId } = parseInput(applicationParams, req.params, 'path');
    const project = await projectMembership.writable(projectId, caller.ownershipRefs);
    return { caller, project, appId };
  };

  router.delete('/projects/:projectId/applications/:appId', async (req, res) => {
    const { project, appId } = await changeable(req);
    await applications.delete(project, appId);
    res.status(204).end();
  });

  router.post('/projects/:projectId/applications/:appId/start', async (req, res) => {
    const { caller, project, appId } = await changeable(req);
    res.json(await applications.start(project, appId, caller.ref));
  });

  router.post('/projects/:projectId/applications/:appId/stop', async (req, res) => {
    const { project, appId } = await changeable(req);
    res.json(await applications.stop(project, appId));
  });

  router.post('/projects/:projectId/applications/:appId/restart', async (req, res) => {
    const { caller, project, appId } = await changeable(req);
    res.json(await applications.restart(project, appId, caller.ref));
  });

  return router;
}
