import Router from 'express-promise-router';
import { z } from 'zod';
import {
  createModelAccessKeySchema,
  createModelBuildSchema,
  createModelDeploymentSchema,
  createModelSchema,
  updateModelDeploymentSchema,
  mlProjectOperatePermission,
  mlProjectWritePermission,
  updateModelSchema,
} from '@ml-platform/plugin-ml-common';
import { ModelAccessKeyService } from './keys/ModelAccessKeyService';
import { ModelBuildService, publicBuild } from './builds/ModelBuildService';
import { ModelDeploymentService } from './deployments/ModelDeploymentService';
import { ModelService } from './ModelService';
import { modelParams } from './modelParams';
import { RequestAccess } from '../access/RequestAccess';
import { addProjectCollectionRoutes } from '../http/projectCollectionRoutes';
import { projectRoutes } from '../http/projectRoutes';
import { parseInput } from '../http/validation';

const buildParams = modelParams.extend({ buildId: z.string().uuid() });
const deploymentParams = modelParams.extend({
  deploymentId: z.string().uuid(),
});
const keyParams = modelParams.extend({ keyId: z.string().uuid() });

/** Models of a project, their builds, deployments and access keys. */
export function createModelsRouter(deps: {
  access: RequestAccess;
  models: ModelService;
  modelBuilds: ModelBuildService;
  modelDeployments: ModelDeploymentService;
  modelKeys: ModelAccessKeyService;
}) {
  const { models, modelBuilds, modelDeployments, modelKeys } = deps;
  const routes = projectRoutes(deps.access);
  const asWriter = routes.holding(mlProjectWritePermission);
  const asOperator = routes.holding(mlProjectOperatePermission);
  const router = Router();
  const model = '/projects/:projectId/models/:modelId';

  addProjectCollectionRoutes(router, routes, {
    name: 'models',
    idParam: 'modelId',
    itemParams: modelParams,
    service: models,
    createSchema: createModelSchema,
    updateSchema: updateModelSchema,
    permission: mlProjectWritePermission,
  });

  router.get(`${model}/builds`, async (req, res) => {
    const { projectId, modelId } = await routes.read(req, modelParams);
    res.json({ items: await modelBuilds.list(projectId, modelId) });
  });

  router.post(`${model}/builds`, async (req, res) => {
    const { projectId, modelId, caller } = await asWriter(req, modelParams);
    const input = parseInput(createModelBuildSchema, req.body, 'body');
    const build = await modelBuilds.create(
      projectId,
      modelId,
      input,
      caller.ref,
    );
    res.status(201).json(publicBuild(build));
  });

  router.get(`${model}/builds/:buildId`, async (req, res) => {
    const path = await routes.read(req, buildParams);
    const { projectId, modelId, buildId } = path;
    res.json(publicBuild(await modelBuilds.get(projectId, modelId, buildId)));
  });

  router.get(`${model}/deployments`, async (req, res) => {
    const { projectId, modelId } = await routes.read(req, modelParams);
    res.json({ items: await modelDeployments.list(projectId, modelId) });
  });

  router.post(`${model}/deployments`, async (req, res) => {
    const { projectId, modelId, caller } = await asOperator(req, modelParams);
    const input = parseInput(createModelDeploymentSchema, req.body, 'body');
    res
      .status(201)
      .json(
        await modelDeployments.create(projectId, modelId, input, caller.ref),
      );
  });

  const deployment = `${model}/deployments/:deploymentId`;

  router.get(deployment, async (req, res) => {
    const path = await routes.read(req, deploymentParams);
    const { projectId, modelId, deploymentId } = path;
    res.json(await modelDeployments.get(projectId, modelId, deploymentId));
  });

  router.patch(deployment, async (req, res) => {
    const { projectId, modelId, deploymentId, caller } = await asOperator(
      req,
      deploymentParams,
    );
    const body = parseInput(updateModelDeploymentSchema, req.body, 'body');
    res.json(
      await modelDeployments.scale(
        projectId,
        modelId,
        deploymentId,
        body.replicas,
        caller.ref,
      ),
    );
  });

  router.post(`${deployment}/stop`, async (req, res) => {
    const { projectId, modelId, deploymentId } = await asOperator(
      req,
      deploymentParams,
    );
    res.json(await modelDeployments.stop(projectId, modelId, deploymentId));
  });

  router.get(`${model}/keys`, async (req, res) => {
    const path = await asWriter(req, modelParams);
    const { id } = await models.get(path.projectId, path.modelId);
    res.json({ items: await modelKeys.list(id) });
  });

  router.post(`${model}/keys`, async (req, res) => {
    const { projectId, modelId, caller } = await asWriter(req, modelParams);
    const { name } = parseInput(
      createModelAccessKeySchema,
      req.body ?? {},
      'body',
    );
    const { id } = await models.get(projectId, modelId);
    // The only response that ever holds the key; it must not be cached on the way.
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(await modelKeys.create(id, name, caller.ref));
  });

  router.delete(`${model}/keys/:keyId`, async (req, res) => {
    const path = await asWriter(req, keyParams);
    const { id } = await models.get(path.projectId, path.modelId);
    await modelKeys.revoke(id, path.keyId);
    res.status(204).end();
  });

  return router;
}
