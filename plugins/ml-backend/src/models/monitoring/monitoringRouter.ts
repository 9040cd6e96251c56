import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { timestampSchema } from '@ml-platform/plugin-ml-common';
import { RequestAccess } from '../../access/RequestAccess';
import { decodePageToken, toPage } from '../../http/listQuery';
import { projectRoutes } from '../../http/projectRoutes';
import { parseInput } from '../../http/validation';
import { modelParams } from '../modelParams';
import { MonitoringService } from './MonitoringService';

const range = {
  deploymentId: z.string().uuid().optional(),
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
};

const predictionsQuery = z
  .object({
    ...range,
    uuid: z.string().uuid().optional(),
    page_size: z.coerce.number().int().min(1).max(500).default(50),
    page_token: z.string().max(200).optional(),
  })
  .strict();

const metricsQuery = z
  .object({
    ...range,
    stepSeconds: z.coerce.number().int().min(1).max(86_400).optional(),
  })
  .strict();

/** The model monitoring read API: prediction records and aggregated metrics. */
export function createMonitoringRouter(deps: {
  access: RequestAccess;
  monitoring: MonitoringService;
}): express.Router {
  const { monitoring } = deps;
  const routes = projectRoutes(deps.access);
  const router = Router();

  router.get(
    '/projects/:projectId/models/:modelId/predictions',
    async (req, res) => {
      const { projectId, modelId } = await routes.read(req, modelParams);
      const query = parseInput(predictionsQuery, req.query, 'query');
      const page = await monitoring.listPredictions(projectId, modelId, {
        deploymentId: query.deploymentId,
        uuid: query.uuid,
        fromMs: query.from,
        toMs: query.to,
        pageSize: query.page_size,
        offset: decodePageToken(query.page_token),
      });
      res.json(toPage(page));
    },
  );

  router.get(
    '/projects/:projectId/models/:modelId/metrics',
    async (req, res) => {
      const { projectId, modelId } = await routes.read(req, modelParams);
      const query = parseInput(metricsQuery, req.query, 'query');
      res.json(
        await monitoring.metrics(projectId, modelId, {
          deploymentId: query.deploymentId,
          fromMs: query.from,
          toMs: query.to,
          stepSeconds: query.stepSeconds,
        }),
      );
    },
  );

  return router;
}
