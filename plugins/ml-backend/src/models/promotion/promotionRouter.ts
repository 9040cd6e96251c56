import express from 'express';
import Router from 'express-promise-router';
import {
  mlProjectOperatePermission,
  promotionPolicyInputSchema,
} from '@ml-platform/plugin-ml-common';
import { RequestAccess } from '../../access/RequestAccess';
import { projectRoutes } from '../../http/projectRoutes';
import { parseInput } from '../../http/validation';
import { modelParams } from '../modelParams';
import { PromotionPolicyService } from './PromotionPolicyService';

/**
 * A model's promotion policy: anyone who may read the project reads it; an
 * operator sets or removes it, as it decides what gets deployed.
 */
export function createPromotionRouter(deps: {
  access: RequestAccess;
  promotionPolicies: PromotionPolicyService;
}): express.Router {
  const { promotionPolicies } = deps;
  const routes = projectRoutes(deps.access);
  const asOperator = routes.holding(mlProjectOperatePermission);
  const router = Router();
  const policyPath = '/projects/:projectId/models/:modelId/promotion-policy';

  router.get(policyPath, async (req, res) => {
    const { projectId, modelId } = await routes.read(req, modelParams);
    res.json(await promotionPolicies.get(projectId, modelId));
  });

  router.put(policyPath, async (req, res) => {
    const { projectId, modelId, caller } = await asOperator(req, modelParams);
    const input = parseInput(promotionPolicyInputSchema, req.body, 'body');
    res.json(
      await promotionPolicies.put(projectId, modelId, input, caller.ref),
    );
  });

  router.delete(policyPath, async (req, res) => {
    const { projectId, modelId } = await asOperator(req, modelParams);
    await promotionPolicies.delete(projectId, modelId);
    res.status(204).end();
  });

  return router;
}
