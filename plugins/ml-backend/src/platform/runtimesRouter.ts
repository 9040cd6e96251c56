import Router from 'express-promise-router';
import { z } from 'zod';
import {
  createRuntimeSchema,
  mlRuntimeManagePermission,
  updateRuntimeSchema,
} from '@ml-platform/plugin-ml-common';
import { RUNTIME_SORT_FIELDS } from '../database';
import { RuntimeService } from './RuntimeService';
import { RequestAccess } from '../access/RequestAccess';
import { parseListQuery, toPage } from '../http/listQuery';
import { platformRoutes } from '../http/platformRoutes';
import { parseInput } from '../http/validation';

const runtimeParams = z.object({ runtimeId: z.string().uuid() });
const booleanFlag = z.enum(['true', 'false']).transform(v => v === 'true');

/** The runtime catalog. */
export function createRuntimesRouter(deps: {
  access: RequestAccess;
  runtimes: RuntimeService;
}) {
  const { access, runtimes } = deps;
  const routes = platformRoutes(access, mlRuntimeManagePermission);
  const router = Router();

  router.get('/runtimes', async (req, res) => {
    await access.reader(req);
    const { all, enabled, ...options } = parseListQuery(
      req.query,
      RUNTIME_SORT_FIELDS,
      {
        all: booleanFlag.optional(),
        enabled: booleanFlag.optional(),
      },
    );
    res.json(
      toPage(await runtimes.list({ ...options, all: all ?? false, enabled })),
    );
  });

  router.post('/runtimes', async (req, res) => {
    await access.require(req, mlRuntimeManagePermission);
    const input = parseInput(createRuntimeSchema, req.body, 'body');
    res.status(201).json(await runtimes.create(input));
  });

  router.get('/runtimes/:runtimeId', async (req, res) => {
    const { runtimeId } = await routes.read(req, runtimeParams);
    res.json(await runtimes.get(runtimeId));
  });

  router.patch('/runtimes/:runtimeId', async (req, res) => {
    const { runtimeId } = await routes.manage(req, runtimeParams);
    const patch = parseInput(updateRuntimeSchema, req.body, 'body');
    res.json(await runtimes.update(runtimeId, patch));
  });

  router.delete('/runtimes/:runtimeId', async (req, res) => {
    const { runtimeId } = await routes.manage(req, runtimeParams);
    await runtimes.delete(runtimeId);
    res.status(204).end();
  });

  return router;
}
