import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  dnsNameSchema,
  mlProjectOperatePermission,
  mlProjectReadPermission,
  mlProjectWritePermission,
  mlWorkspaceManagePermission,
  WorkloadKindName,
} from '@ml-platform/plugin-ml-common';
import { WorkloadService } from './WorkloadService';
import { RequestAccess } from '../access/RequestAccess';
import { streamLines } from '../http/sse';
import { parseInput } from '../http/validation';

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

/**
 * Stopping is starting's counterpart: operators start and stop job runs,
 * replicas and apps; sessions and builds are contributors' work.
 */
const STOP_PERMISSION: Record<
  WorkloadKindName,
  typeof mlProjectWritePermission
> = {
  session: mlProjectWritePermission,
  build: mlProjectWritePermission,
  job: mlProjectOperatePermission,
  model: mlProjectOperatePermission,
  application: mlProjectOperatePermission,
};

/** Any workload: state, event history, logs (SSE when following), stop; the queue. */
export function createWorkloadsRouter(deps: {
  access: RequestAccess;
  workloads: WorkloadService;
}) {
  const { access, workloads } = deps;
  const router = Router();

  /**
   * The path's workload, if the caller holds the permission (by default
   * read; or the one its kind needs) on its project. A workload of a
   * project they may not read is reported missing, like the project.
   */
  async function authorized(req: Request, action: 'read' | 'stop') {
    const credentials: BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    > =
      action === 'read'
        ? await access.reader(req)
        : (await access.user(req)).credentials;
    const { workloadId } = parseInput(workloadParams, req.params, 'path');
    const workload = await workloads.load(workloadId);
    const permission =
      action === 'read'
        ? mlProjectReadPermission
        : STOP_PERMISSION[workload.kind];
    try {
      await access.authorizeProject(
        credentials,
        workload.projectId,
        permission,
      );
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      // Work left from a deleted project is nobody's but the workspace admins'.
      if (!(await access.holds(credentials, mlWorkspaceManagePermission))) {
        throw new NotFoundError(`No workload with id '${workloadId}'`);
      }
    }
    return { workload, credentials };
  }
  const readable = async (req: Request) =>
    (await authorized(req, 'read')).workload;

  router.get('/workloads/:workloadId', async (req, res) => {
    res.json(await workloads.present(await readable(req)));
  });

  router.get('/workloads/:workloadId/events', async (req, res) => {
    const workload = await readable(req);
    res.json({ items: await workloads.events(workload.id) });
  });

  router.get('/workloads/:workloadId/logs', async (req, res) => {
    const { workload, credentials } = await authorized(req, 'read');
    const { follow, attempt, tail } = parseInput(logsQuery, req.query, 'query');
    if (follow) {
      const release = workloads.openFollowStream(callerOf(credentials));
      res.on('close', release);
      try {
        await streamLines(req, res, signal =>
          workloads.logs(workload.id, { attempt, follow, signal }),
        );
      } finally {
        release();
      }
      return;
    }
    res.json(await workloads.readLog(workload.id, { attempt, tail }));
  });

  router.post('/workloads/:workloadId/stop', async (req, res) => {
    const { workload } = await authorized(req, 'stop');
    res.json(await workloads.stop(workload.id));
  });

  router.get('/workspaces/:workspace/queue', async (req, res) => {
    const credentials = await access.reader(req);
    const { workspace } = parseInput(
      z.object({ workspace: dnsNameSchema }),
      req.params,
      'path',
    );
    res.json(
      await workloads.queue(
        workspace,
        await access.projectReadTest(credentials),
      ),
    );
  });

  return router;
}
