import Router from 'express-promise-router';
import { z } from 'zod';
import {
  createJobSchema,
  mlProjectOperatePermission,
  mlProjectWritePermission,
  runJobSchema,
  updateJobSchema,
} from '@ml-platform/plugin-ml-common';
import { JobService } from './JobService';
import { nextRuns } from './cron';
import { WorkloadService } from '../WorkloadService';
import { RequestAccess } from '../../access/RequestAccess';
import { addProjectCollectionRoutes } from '../../http/projectCollectionRoutes';
import { projectParams, projectRoutes } from '../../http/projectRoutes';
import { parseInput } from '../../http/validation';

const jobParams = projectParams.extend({ jobId: z.string().uuid() });
const pageQuery = z
  .object({
    page_size: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const cronQuery = z
  .object({
    schedule: z.string().min(1).max(200),
    timezone: z.string().min(1).max(64).default('UTC'),
    count: z.coerce.number().int().min(1).max(20).default(3),
  })
  .strict();

/** Jobs of a project and their runs. */
export function createJobsRouter(deps: {
  access: RequestAccess;
  jobs: JobService;
  workloads: WorkloadService;
}) {
  const { access, jobs, workloads } = deps;
  const routes = projectRoutes(access);
  const asOperator = routes.holding(mlProjectOperatePermission);
  const router = Router();

  // Lets the job form show when a schedule would fire before it is saved.
  router.get('/cron/next', async (req, res) => {
    await access.reader(req);
    const { schedule, timezone, count } = parseInput(
      cronQuery,
      req.query,
      'query',
    );
    res.json({ nextRuns: nextRuns(schedule, timezone, new Date(), count) });
  });

  addProjectCollectionRoutes(router, routes, {
    name: 'jobs',
    idParam: 'jobId',
    itemParams: jobParams,
    service: jobs,
    createSchema: createJobSchema,
    updateSchema: updateJobSchema,
    permission: mlProjectWritePermission,
  });

  router.post('/projects/:projectId/jobs/:jobId/runs', async (req, res) => {
    const { projectId, jobId, caller } = await asOperator(req, jobParams);
    const input = parseInput(runJobSchema, req.body ?? {}, 'body');
    const run = await jobs.run(projectId, jobId, input, caller.ref, 'manual');
    res.status(201).json(await workloads.present(run));
  });

  router.get('/projects/:projectId/jobs/:jobId/runs', async (req, res) => {
    const { projectId, jobId } = await routes.read(req, jobParams);
    const { page_size, offset } = parseInput(pageQuery, req.query, 'query');
    const result = await jobs.runs(projectId, jobId, page_size, offset);
    res.json({
      items: await workloads.presentMany(result.items),
      total_size: result.totalSize,
    });
  });

  return router;
}
