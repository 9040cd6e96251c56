import Router from 'express-promise-router';
import { z } from 'zod';
import { dnsNameSchema } from '@ml-platform/plugin-ml-common';
import { WorkloadService } from '../service/WorkloadService';
import { RequestAccess } from './access';
import { streamLines } from './sse';
import { parseInput } from './validation';

const workloadParams = z.object({ workloadId: z.string().uuid() });
const logsQuery = z
  .object({
    follow: z.enum(['true', 'false']).default('false').transform(v => v === 'true'),
    attempt: z.coerce.number().int().min(1).optional(),
  })
  .strict();

/** Any workload: state, event history, logs (SSE when following), stop; the queue. */
export function createWorkloadsRouter(deps: { access: RequestAccess; workloads: WorkloadService }) {
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
    await access.reader(req);
    const { workloadId } = parseInput(workloadParams, req.params, 'path');
    const { follow, attempt } = parseInput(logsQuery, req.query, 'query');
    if (follow) {
      // Validate before the stream starts so errors are still JSON.
      await workloads.load(workloadId);
      await streamLines(req, res, signal => workloads.logs(workloadId, { attempt, follow, signal }));
      return;
    }
    const lines: string[] = [];
    for await (const line of await workloads.logs(workloadId, { attempt, follow: false })) {
      lines.push(line);
    }
    res.json({ lines });
  });

  router.post('/workloads/:workloadId/stop', async (req, res) => {
    await access.user(req);
    const { workloadId } = parseInput(workloadParams, req.params, 'path');
    res.json(await workloads.stop(workloadId));
  });

  router.get('/workspaces/:workspace/queue', async (req, res) => {
    await access.reader(req);
    const { workspace } = parseInput(z.object({ workspace: dnsNameSchema }), req.params, 'path');
    res.json(await workloads.queue(workspace));
  });

  return router;
}
