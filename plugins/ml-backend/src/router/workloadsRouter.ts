import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { z } from 'zod';
import { dnsNameSchema } from '@ml-platform/plugin-ml-common';
import { WorkloadService } from '../service/WorkloadService';
import { RequestAccess } from './access';
import { streamLines } from './sse';
import { parseInput } from './validation';

const workloadParams = z.object({ workloadId: z.string().uuid() });
const MAX_TAIL_LINES = 1_000_000;
const logsQuery = z
  .object({
    follow: z
      .enum(['true', 'false'])
      .default('false')
      .transform(v => v === 'true'),
    attempt: z.coerce.number().int().min(1).optional(),
    tail: z.coerce.number().int().min(1).max(MAX_TAIL_LINES).optional(),
  })
  .strict()
  .refine(q => !(q.follow && q.tail), {
    path: ['tail'],
    message:
      'only for reads without follow=true (a followed log starts at its beginning)',
  });

/** Whom a follow stream counts against: the user, or the calling service. */
function callerOf(
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >,
) {
  const { principal } = credentials;
  return principal.type === 'user'
    ? principal.userEntityRef
    : `service:${principal.subject}`;
}

/** Any workload: state, event history, logs (SSE when following), stop; the queue. */
export function createWorkloadsRouter(deps: {
  access: RequestAccess;
  workloads: WorkloadService;
}) {
  const { access, workloads } = deps;
  const router = Router();

  router.get('/workloads/:workloadId', async (req, res) => {
    await access.reader(req);
    const { workloadId } = parseInput(workloadParams, req.params, 'path');
    res.json(await workloads.present(await workloads.load(workloadId)));
  });

  router.get('/workloads/:workloadId/events', async (req, res) => {
    await access.reader(req);
    const { workloadId } = parseInput(workloadParams, req.params, 'path');
    res.json({ items: await workloads.events(workloadId) });
  });

  router.get('/workloads/:workloadId/logs', async (req, res) => {
    const credentials = await access.reader(req);
    const { workloadId } = parseInput(workloadParams, req.params, 'path');
    const { follow, attempt, tail } = parseInput(logsQuery, req.query, 'query');
    if (follow) {
      // Validate before the stream starts so errors are still JSON.
      await workloads.load(workloadId);
      const release = workloads.openFollowStream(callerOf(credentials));
      res.on('close', release);
      try {
        await streamLines(req, res, signal =>
          workloads.logs(workloadId, { attempt, follow, signal }),
        );
      } finally {
        release();
      }
      return;
    }
    res.json(await workloads.readLog(workloadId, { attempt, tail }));
  });

  router.post('/workloads/:workloadId/stop', async (req, res) => {
    await access.user(req);
    const { workloadId } = parseInput(workloadParams, req.params, 'path');
    res.json(await workloads.stop(workloadId));
  });

  router.get('/workspaces/:workspace/queue', async (req, res) => {
    await access.reader(req);
    const { workspace } = parseInput(
      z.object({ workspace: dnsNameSchema }),
      req.params,
      'path',
    );
    res.json(await workloads.queue(workspace));
  });

  return router;
}
