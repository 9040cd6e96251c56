import Router from 'express-promise-router';
import { z } from 'zod';
import {
  collaboratorRoleSchema,
  createProjectSchema,
  dnsNameSchema,
  mlProjectAdminPermission,
  mlProjectCreatePermission,
  ownerRefSchema,
  updateProjectSchema,
} from '@ml-platform/plugin-ml-common';
import { PROJECT_SORT_FIELDS } from '../database';
import { ProjectService } from './ProjectService';
import { RequestAccess } from '../access/RequestAccess';
import { parseListQuery, toPage } from '../http/listQuery';
import { projectParams, projectRoutes } from '../http/projectRoutes';
import { parseInput } from '../http/validation';

export { projectParams };
const collaboratorParams = projectParams.extend({ subject: ownerRefSchema });
const roleBody = z.object({ role: collaboratorRoleSchema }).strict();

/** Projects and their collaborators. */
export function createProjectsRouter(deps: {
  access: RequestAccess;
  projects: ProjectService;
}) {
  const { access, projects } = deps;
  const routes = projectRoutes(access);
  const asAdmin = routes.holding(mlProjectAdminPermission);
  const router = Router();

  router.get('/projects', async (req, res) => {
    const credentials = await access.reader(req);
    const options = parseListQuery(req.query, PROJECT_SORT_FIELDS, {
      workspace: dnsNameSchema.optional(),
      owner: ownerRefSchema.optional(),
    });
    const readable = await access.readableProjects(credentials);
    res.json(toPage(await projects.list(options, readable)));
  });

  router.post('/projects', async (req, res) => {
    const caller = await access.require(req, mlProjectCreatePermission);
    const input = parseInput(createProjectSchema, req.body, 'body');
    if (input.owner) await access.assertMayOwn(caller, input.owner);
    res.status(201).json(await projects.create(input, caller.ref));
  });

  router.get('/projects/:projectId', async (req, res) => {
    const { project } = await routes.read(req, projectParams);
    res.json(project);
  });

  router.patch('/projects/:projectId', async (req, res) => {
    const { projectId } = await asAdmin(req, projectParams);
    const patch = parseInput(updateProjectSchema, req.body, 'body');
    res.json(await projects.update(projectId, patch));
  });

  router.delete('/projects/:projectId', async (req, res) => {
    const { projectId } = await asAdmin(req, projectParams);
    await projects.delete(projectId);
    res.status(204).end();
  });

  router.get('/projects/:projectId/collaborators', async (req, res) => {
    const { projectId } = await routes.read(req, projectParams);
    res.json({ items: await projects.listCollaborators(projectId) });
  });

  router.put(
    '/projects/:projectId/collaborators/:subject',
    async (req, res) => {
      const { projectId, subject } = await asAdmin(req, collaboratorParams);
      const { role } = parseInput(roleBody, req.body, 'body');
      res.json(await projects.putCollaborator(projectId, subject, role));
    },
  );

  router.delete(
    '/projects/:projectId/collaborators/:subject',
    async (req, res) => {
      const { projectId, subject } = await asAdmin(req, collaboratorParams);
      await projects.deleteCollaborator(projectId, subject);
      res.status(204).end();
    },
  );

  return router;
}
