import { NotFoundError } from '@backstage/errors';
import { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  dnsNameSchema,
  mlProjectOperatePermission,
  mlProjectReadPermission,
  mlProjectWritePermission,
  WorkloadKindName,
} from '@ml-platform/plugin-ml-common';
import { WorkloadService } from '../service/WorkloadService';
import { RequestAccess } from '../access/RequestAccess';
import { streamLines } from './sse';
import { parseInput } from './validation';

const workloadParams = z.object({ workloadId: z.string().uuid() });
const logsQuery = z
  .object({
    follow: z.enum(['true', 'false']).default('false').transform(v => v === 'true'),
    attempt: z.coerce.number().int().min(1).optional(),
  })
  .strict();

/**
 * Stopping is starting's counterpart: operators start and stop job runs,
 * replicas and apps; sessions and builds are contributors' work.
 */
const STOP_PERMISSION: Record<WorkloadKindName, typeof mlProjectWritePermission> = {
  session: mlProjectWritePermission,
  build: mlProjectWritePermission,
  job: mlProjectOperatePermission,
  model: mlProjectOperatePermission,
  application: mlProjectOperatePermission,
};

/** Any workload: state, event history, logs (SSE when following), stop; the queue. */
export function createWorkloadsRouter(deps: { access: RequestAccess; workloads: WorkloadService }) {
  const { access, workloads } = deps;
  const router = Router();

  /**
   * The path's workload, if the caller holds the permission (by default
   * read; or the one its kind needs) on its project. A workload of a
   * project they may not read is reported missing, like the project.
   */
  async function authorized(req: Request, action: 'read' | 'stop') {
    const credentials = action === 'read' ? await access.reader(req) : (await access.user(req)).credentials;
    const { workloadId } = parseInput(workloadParams, req.params, 'path');
    const workload = await workloads.load(workloadId);
    const permission = action === 'read' ? mlProjectReadPermission : STOP_PERMISSION[workload.kind];
    try {
      await access.authorizeProject(credentials, workload.projectId, permission);
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new NotFoundError(`No workload with id '${workloadId}'`);
      }
      throw error;
    }
    return workload;
  }
  const readable = (req: Request) => authorized(req, 'read');

  router.get('/workloads/:workloadId', async (req, res) => {
    res.json(await workloads.present(await readable(req)));
  });

  router.get('/workloads/:workloadId/events', async (req, res) => {
    const workload = await readable(req);
    res.json({ items: await workloads.events(workload.id) });
  });

  router.get('/workloads/:workloadId/logs', async (req, res) => {
    const workload = await readable(req);
    const { follow, attempt } = parseInput(logsQuery, req.query, 'query');
    if (follow) {
      await streamLines(req, res, signal => workloads.logs(workload.id, { attempt, follow, signal }));
      return;
    }
    const lines: string[] = [];
    for await (const line of await workloads.logs(workload.id, { attempt, follow: false })) {
      lines.push(line);
    }
    res.json({ lines });
  });

  router.post('/workloads/:workloadId/stop', async (req, res) => {
    const workload = await authorized(req, 'stop');
    res.json(await workloads.stop(workload.id));
  });

  router.get('/workspaces/:workspace/queue', async (req, res) => {
    const credentials = await access.reader(req);
    const { workspace } = parseInput(z.object({ workspace: dnsNameSchema }), req.params, 'path');
    res.json(await workloads.queue(workspace, await access.projectReadTest(credentials)));
  });

  return router;
}
