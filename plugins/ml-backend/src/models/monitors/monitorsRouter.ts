import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  createModelMonitorSchema,
  mlProjectWritePermission,
  updateModelMonitorSchema,
} from '@ml-platform/plugin-ml-common';
import { RequestAccess } from '../../access/RequestAccess';
import { decodePageToken, toPage } from '../../http/listQuery';
import { projectRoutes } from '../../http/projectRoutes';
import { parseInput } from '../../http/validation';
import { modelParams } from '../modelParams';
import { MonitorService } from './MonitorService';

const monitorParams = modelParams.extend({ monitorId: z.string().uuid() });

const pageQuery = z
  .object({
    page_size: z.coerce.number().int().min(1).max(500).default(50),
    page_token: z.string().max(200).optional(),
  })
  .strict();

/** A model's monitors, their evaluations and the model's history. */
export function createMonitorsRouter(deps: {
  access: RequestAccess;
  monitors: MonitorService;
}): express.Router {
  const { monitors } = deps;
  const routes = projectRoutes(deps.access);
  const asWriter = routes.holding(mlProjectWritePermission);
  const router = Router();
  const model = '/projects/:projectId/models/:modelId';

  router.get(`${model}/monitors`, async (req, res) => {
    const { projectId, modelId } = await routes.read(req, modelParams);
    res.json({ items: await monitors.list(projectId, modelId) });
  });

  router.post(`${model}/monitors`, async (req, res) => {
    const { projectId, modelId, caller } = await asWriter(req, modelParams);
    const input = parseInput(createModelMonitorSchema, req.body, 'body');
    res
      .status(201)
      .json(await monitors.create(projectId, modelId, input, caller.ref));
  });

  router.get(`${model}/monitors/:monitorId`, async (req, res) => {
    const { projectId, modelId, monitorId } = await routes.read(
      req,
      monitorParams,
    );
    res.json(await monitors.get(projectId, modelId, monitorId));
  });

  router.patch(`${model}/monitors/:monitorId`, async (req, res) => {
    const path = await asWriter(req, monitorParams);
    const input = parseInput(updateModelMonitorSchema, req.body, 'body');
    res.json(
      await monitors.update(
        path.projectId,
        path.modelId,
        path.monitorId,
        input,
      ),
    );
  });

  router.delete(`${model}/monitors/:monitorId`, async (req, res) => {
    const path = await asWriter(req, monitorParams);
    await monitors.delete(path.projectId, path.modelId, path.monitorId);
    res.status(204).end();
  });

  router.get(`${model}/monitors/:monitorId/evaluations`, async (req, res) => {
    const path = await routes.read(req, monitorParams);
    const query = parseInput(pageQuery, req.query, 'query');
    const page = await monitors.evaluations(
      path.projectId,
      path.modelId,
      path.monitorId,
      { limit: query.page_size, offset: decodePageToken(query.page_token) },
    );
    res.json(toPage(page));
  });

  router.get(`${model}/events`, async (req, res) => {
    const { projectId, modelId } = await routes.read(req, modelParams);
    const query = parseInput(pageQuery, req.query, 'query');
    const page = await monitors.events(projectId, modelId, {
      limit: query.page_size,
      offset: decodePageToken(query.page_token),
    });
    res.json(toPage(page));
  });

  return router;
}
