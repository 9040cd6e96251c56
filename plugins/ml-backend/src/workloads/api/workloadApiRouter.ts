import { NotFoundError } from '@backstage/errors';
import express from 'express';
import fs from 'node:fs/promises';
import Router from 'express-promise-router';
import { pipeline } from 'node:stream/promises';
import { WorkloadStore } from '../../database';
import { WorkloadEngine } from '../../engine/WorkloadEngine';
import { archiveDirectory } from '../../projects/ProjectFiles';
import { WorkloadTokens } from '../../engine/WorkloadTokens';
import { WorkloadLocals, requireWorkload } from './workloadAuth';

/**
 * The API workloads call with their own token: remote drivers download
 * their files here, and the SDK's routes are mounted beside it.
 */
export function createWorkloadApiRouter(options: {
  tokens: WorkloadTokens;
  workloadStore: WorkloadStore;
  engine: WorkloadEngine;
}): express.Router {
  const router = Router();
  router.use(
    '/workload-api',
    requireWorkload({
      tokens: options.tokens,
      workloads: options.workloadStore,
    }),
  );

  router.get('/workload-api/v1/snapshot', async (_req, res) => {
    const { workload } = res.locals as WorkloadLocals;
    // The directory the workload runs in: the project, or a build snapshot.
    const projectDir = options.engine.workDirFor(workload);
    if (!(await fs.stat(projectDir).catch(() => undefined))?.isDirectory()) {
      throw new NotFoundError('This workload has no files yet');
    }
    const archive = await archiveDirectory(projectDir);
    res.setHeader('Content-Type', 'application/gzip');
    res.setHeader(
      'Content-Disposition',
      'attachment; filename="snapshot.tar.gz"',
    );
    await pipeline(archive, res);
  });

  return router;
}
