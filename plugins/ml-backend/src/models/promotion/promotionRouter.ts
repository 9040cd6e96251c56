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
    const policy = await promotionPolicies.get(projectId, modelId);
    // Having no policy is a state of the model, not a missing resource: the
    // Monitors tab asks every model, and a 404 would read as an error.
    if (!policy) {
      res.status(204).end();
      return;
    }
    res.json(policy);
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
