import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  mlProjectWritePermission,
  modelMonitoringSettingsInputSchema,
  takeDriftBaselineSchema,
  timestampSchema,
} from '@ml-platform/plugin-ml-common';
import { RequestAccess } from '../../access/RequestAccess';
import { projectRoutes } from '../../http/projectRoutes';
import { parseInput } from '../../http/validation';
import { modelParams } from '../modelParams';
import { ModelQualityService } from './ModelQualityService';
import { QualityRange } from './qualitySettings';

const rangeQuery = z
  .object({
    deploymentId: z.string().uuid().optional(),
    from: timestampSchema.optional(),
    to: timestampSchema.optional(),
    stepSeconds: z.coerce.number().int().min(1).max(86_400).optional(),
  })
  .strict();

function rangeOf(query: unknown): QualityRange {
  const parsed = parseInput(rangeQuery, query, 'query');
  return {
    deploymentId: parsed.deploymentId,
    fromMs: parsed.from,
    toMs: parsed.to,
    stepSeconds: parsed.stepSeconds,
  };
}

/** A model's quality, drift, what they are computed from, and its baselines. */
export function createQualityRouter(deps: {
  access: RequestAccess;
  quality: ModelQualityService;
}): express.Router {
  const { quality } = deps;
  const routes = projectRoutes(deps.access);
  const asWriter = routes.holding(mlProjectWritePermission);
  const router = Router();
  const model = '/projects/:projectId/models/:modelId';

  router.get(`${model}/monitoring-settings`, async (req, res) => {
    const { projectId, modelId } = await routes.read(req, modelParams);
    res.json(await quality.getSettings(projectId, modelId));
  });

  router.put(`${model}/monitoring-settings`, async (req, res) => {
    const { projectId, modelId } = await asWriter(req, modelParams);
    const input = parseInput(
      modelMonitoringSettingsInputSchema,
      req.body,
      'body',
    );
    res.json(await quality.putSettings(projectId, modelId, input));
  });

  router.get(`${model}/quality`, async (req, res) => {
    const { projectId, modelId } = await routes.read(req, modelParams);
    res.json(await quality.quality(projectId, modelId, rangeOf(req.query)));
  });

  router.get(`${model}/drift`, async (req, res) => {
    const { projectId, modelId } = await routes.read(req, modelParams);
    res.json(await quality.drift(projectId, modelId, rangeOf(req.query)));
  });

  router.post(`${model}/drift-baseline`, async (req, res) => {
    const { projectId, modelId } = await asWriter(req, modelParams);
    const input = parseInput(takeDriftBaselineSchema, req.body, 'body');
    res.json(await quality.takeBaseline(projectId, modelId, input));
  });

  return router;
}
