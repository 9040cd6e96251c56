import Router from 'express-promise-router';
import { z } from 'zod';
import {
  COLLABORATOR_ROLES,
  CollaboratorRole,
  createProjectSchema,
  dnsNameSchema,
  mlProjectCreatePermission,
  ownerRefSchema,
  updateProjectSchema,
} from '@ml-platform/plugin-ml-common';
import { PROJECT_SORT_FIELDS } from '../database';
import { ProjectService } from '../service/ProjectService';
import { RequestAccess } from './access';
import { parseListQuery, toPage } from './listQuery';
import { parseInput } from './validation';

export const projectParams = z.object({ projectId: z.string().uuid() });
const collaboratorParams = projectParams.extend({ subject: ownerRefSchema });
const roleBody = z
  .object({ role: z.enum(COLLABORATOR_ROLES as [CollaboratorRole, ...CollaboratorRole[]]) })
  .strict();

/** Projects and their collaborators. */
export function createProjectsRouter(deps: {
  access: RequestAccess;
  projects: ProjectService;
}) {
  const { access, projects } = deps;
  const router = Router();

  router.get('/projects', async (req, res) => {
    await access.reader(req);
    const options = parseListQuery(req.query, PROJECT_SORT_FIELDS, {
      workspace: dnsNameSchema.optional(),
      owner: ownerRefSchema.optional(),
    });
    res.json(toPage(await projects.list(options)));
  });

  router.post('/projects', async (req, res) => {
    const caller = await access.require(req, mlProjectCreatePermission);
    const input = parseInput(createProjectSchema, req.body, 'body');
    res.status(201).json(await projects.create(input, caller.ref));
  });

  router.get('/projects/:projectId', async (req, res) => {
    await access.reader(req);
    const { projectId } = parseInput(projectParams, req.params, 'path');
    res.json(await projects.get(projectId));
  });

  // Collaborator roles are stored and listed now; enforcing them on project
  // access comes with the workload issues.
  router.patch('/projects/:projectId', async (req, res) => {
    await access.user(req);
    const { projectId } = parseInput(projectParams, req.params, 'path');
    const patch = parseInput(updateProjectSchema, req.body, 'body');
    res.json(await projects.update(projectId, patch));
  });

  router.delete('/projects/:projectId', async (req, res) => {
    await access.user(req);
    const { projectId } = parseInput(projectParams, req.params, 'path');
    await projects.delete(projectId);
    res.status(204).end();
  });

  router.get('/projects/:projectId/collaborators', async (req, res) => {
    await access.reader(req);
    const { projectId } = parseInput(projectParams, req.params, 'path');
    res.json({ items: await projects.listCollaborators(projectId) });
  });

  router.put('/projects/:projectId/collaborators/:subject', async (req, res) => {
    await access.user(req);
    const { projectId, subject } = parseInput(collaboratorParams, req.params, 'path');
    const { role } = parseInput(roleBody, req.body, 'body');
    res.json(await projects.putCollaborator(projectId, subject, role));
  });

  router.delete('/projects/:projectId/collaborators/:subject', async (req, res) => {
    await access.user(req);
    const { projectId, subject } = parseInput(collaboratorParams, req.params, 'path');
    await projects.deleteCollaborator(projectId, subject);
    res.status(204).end();
  });

  return router;
}
