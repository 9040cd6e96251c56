import Router from 'express-promise-router';
import { z } from 'zod';
import {
  launchSessionSchema,
  mlProjectWritePermission,
} from '@ml-platform/plugin-ml-common';
import { SessionService } from './SessionService';
import { WorkloadService } from '../WorkloadService';
import { RequestAccess } from '../../access/RequestAccess';
import { projectParams, projectRoutes } from '../../http/projectRoutes';
import { parseInput } from '../../http/validation';

const sessionParams = projectParams.extend({ sessionId: z.string().uuid() });
const executeBody = z.object({ code: z.string().max(1024 * 1024) }).strict();

/** Sessions of a project and their console. */
export function createSessionsRouter(deps: {
  access: RequestAccess;
  sessions: SessionService;
  workloads: WorkloadService;
}) {
  const { sessions, workloads } = deps;
  const routes = projectRoutes(deps.access);
  const asWriter = routes.holding(mlProjectWritePermission);
  const router = Router();

  // What the project's owner may still use: pickers show what fits now.
  router.get('/projects/:projectId/quota', async (req, res) => {
    const { project } = await routes.read(req, projectParams);
    res.json(await workloads.projectQuota(project));
  });

  router.get('/projects/:projectId/sessions', async (req, res) => {
    const { projectId } = await routes.read(req, projectParams);
    const result = await sessions.list(projectId);
    res.json({
      items: await workloads.presentMany(result.items),
      total_size: result.totalSize,
    });
  });

  router.post('/projects/:projectId/sessions', async (req, res) => {
    const { projectId, caller } = await asWriter(req, projectParams);
    const input = parseInput(launchSessionSchema, req.body, 'body');
    res
      .status(201)
      .json(
        await workloads.present(
          await sessions.launch(projectId, input, caller.ref),
        ),
      );
  });

  router.get('/projects/:projectId/sessions/:sessionId', async (req, res) => {
    const { projectId, sessionId } = await routes.read(req, sessionParams);
    res.json(await workloads.present(await sessions.get(projectId, sessionId)));
  });

  // What was run in the console, so that it is there again on return.
  router.get(
    '/projects/:projectId/sessions/:sessionId/transcript',
    async (req, res) => {
      const { projectId, sessionId } = await routes.read(req, sessionParams);
      res.json({ items: await sessions.transcript(projectId, sessionId) });
    },
  );

  // Output streams back as newline-delimited JSON while the code runs.
  router.post(
    '/projects/:projectId/sessions/:sessionId/execute',
    async (req, res) => {
      const { projectId, sessionId } = await asWriter(req, sessionParams);
      const { code } = parseInput(executeBody, req.body, 'body');
      const controller = new AbortController();
      res.on('close', () => controller.abort());
      const events = sessions.execute(
        projectId,
        sessionId,
        code,
        controller.signal,
      );
      const iterator = events[Symbol.asyncIterator]();
      // The first step checks the session, so refusals are still JSON errors.
      const first = await iterator.next();
      res.writeHead(200, {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Cache-Control': 'no-cache',
      });
      for (let step = first; !step.done; step = await iterator.next()) {
        res.write(`${step.value}\n`);
      }
      res.end();
    },
  );

  router.post(
    '/projects/:projectId/sessions/:sessionId/stop',
    async (req, res) => {
      const { projectId, sessionId } = await asWriter(req, sessionParams);
      await sessions.get(projectId, sessionId);
      res.json(await workloads.stop(sessionId));
    },
  );

  return router;
}
