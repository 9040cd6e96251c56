import Router from 'express-promise-router';
import { z } from 'zod';
import {
  createProfileSchema,
  createQuotaSchema,
  createWorkspaceSchema,
  dnsNameSchema,
  mlWorkspaceManagePermission,
  updateProfileSchema,
  updateQuotaSchema,
  updateWorkspaceSchema,
} from '@ml-platform/plugin-ml-common';
import {
  PROFILE_SORT_FIELDS,
  QUOTA_SORT_FIELDS,
  WORKSPACE_SORT_FIELDS,
} from '../database';
import { ProfileService } from './ProfileService';
import { QuotaService } from './QuotaService';
import { WorkspaceService } from './WorkspaceService';
import { RequestAccess } from '../access/RequestAccess';
import { parseListQuery, toPage } from '../http/listQuery';
import { platformRoutes } from '../http/platformRoutes';
import { parseInput } from '../http/validation';

const workspaceParams = z.object({ workspace: dnsNameSchema });
const profileParams = workspaceParams.extend({ profile: dnsNameSchema });
const quotaParams = workspaceParams.extend({ quotaId: z.string().uuid() });

/** Workspaces and what hangs off them: capacity, profiles and quotas. */
export function createWorkspacesRouter(deps: {
  access: RequestAccess;
  workspaces: WorkspaceService;
  profiles: ProfileService;
  quotas: QuotaService;
}) {
  const { access, workspaces, profiles, quotas } = deps;
  const routes = platformRoutes(access, mlWorkspaceManagePermission);
  const router = Router();

  router.get('/workspaces', async (req, res) => {
    await access.reader(req);
    const options = parseListQuery(req.query, WORKSPACE_SORT_FIELDS);
    res.json(toPage(await workspaces.list(options)));
  });

  router.post('/workspaces', async (req, res) => {
    const caller = await access.require(req, mlWorkspaceManagePermission);
    const input = parseInput(createWorkspaceSchema, req.body, 'body');
    res.status(201).json(await workspaces.create(input, caller.ref));
  });

  router.get('/workspaces/:workspace', async (req, res) => {
    const { workspace } = await routes.read(req, workspaceParams);
    res.json(await workspaces.get(workspace));
  });

  router.patch('/workspaces/:workspace', async (req, res) => {
    const { workspace } = await routes.manage(req, workspaceParams);
    const patch = parseInput(updateWorkspaceSchema, req.body, 'body');
    res.json(await workspaces.update(workspace, patch));
  });

  router.delete('/workspaces/:workspace', async (req, res) => {
    const { workspace } = await routes.manage(req, workspaceParams);
    await workspaces.delete(workspace);
    res.status(204).end();
  });

  router.get('/workspaces/:workspace/capacity', async (req, res) => {
    const { workspace } = await routes.read(req, workspaceParams);
    res.json(await workspaces.capacity(workspace));
  });

  router.get('/workspaces/:workspace/profiles', async (req, res) => {
    const { workspace } = await routes.read(req, workspaceParams);
    const options = parseListQuery(req.query, PROFILE_SORT_FIELDS);
    res.json(toPage(await profiles.list(workspace, options)));
  });

  router.post('/workspaces/:workspace/profiles', async (req, res) => {
    const { workspace } = await routes.manage(req, workspaceParams);
    const input = parseInput(createProfileSchema, req.body, 'body');
    res.status(201).json(await profiles.create(workspace, input));
  });

  router.get('/workspaces/:workspace/profiles/:profile', async (req, res) => {
    const { workspace, profile } = await routes.read(req, profileParams);
    res.json(await profiles.get(workspace, profile));
  });

  router.patch('/workspaces/:workspace/profiles/:profile', async (req, res) => {
    const { workspace, profile } = await routes.manage(req, profileParams);
    const patch = parseInput(updateProfileSchema, req.body, 'body');
    res.json(await profiles.update(workspace, profile, patch));
  });

  router.delete(
    '/workspaces/:workspace/profiles/:profile',
    async (req, res) => {
      const { workspace, profile } = await routes.manage(req, profileParams);
      await profiles.delete(workspace, profile);
      res.status(204).end();
    },
  );

  router.get('/workspaces/:workspace/quotas', async (req, res) => {
    const { workspace } = await routes.read(req, workspaceParams);
    const options = parseListQuery(req.query, QUOTA_SORT_FIELDS);
    res.json(toPage(await quotas.list(workspace, options)));
  });

  router.post('/workspaces/:workspace/quotas', async (req, res) => {
    const { workspace } = await routes.manage(req, workspaceParams);
    const input = parseInput(createQuotaSchema, req.body, 'body');
    res.status(201).json(await quotas.create(workspace, input));
  });

  router.patch('/workspaces/:workspace/quotas/:quotaId', async (req, res) => {
    const { workspace, quotaId } = await routes.manage(req, quotaParams);
    const patch = parseInput(updateQuotaSchema, req.body, 'body');
    res.json(await quotas.update(workspace, quotaId, patch));
  });

  router.delete('/workspaces/:workspace/quotas/:quotaId', async (req, res) => {
    const { workspace, quotaId } = await routes.manage(req, quotaParams);
    await quotas.delete(workspace, quotaId);
    res.status(204).end();
  });

  return router;
}
