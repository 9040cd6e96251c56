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
import { RequestAccess } from '../access/RequestAccess';
import { projectParams } from '../projects/projectsRouter';
import { parseInput } from '../http/validation';

/** A model by id or by its name in the project. */
const modelParams = projectParams.extend({
  modelId: z.string().min(1).max(63),
});
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
  const { access, models, modelBuilds, modelDeployments, modelKeys } = deps;
  const router = Router();

  router.get('/projects/:projectId/models', async (req, res) => {
    const { projectId } = parseInput(projectParams, req.params, 'path');
    await access.readProject(req, projectId);
    res.json({ items: await models.list(projectId) });
  });

  router.post('/projects/:projectId/models', async (req, res) => {
    const { projectId } = parseInput(projectParams, req.params, 'path');
    const { caller } = await access.projectFor(
      req,
      projectId,
      mlProjectWritePermission,
    );
    const input = parseInput(createModelSchema, req.body, 'body');
    res.status(201).json(await models.create(projectId, input, caller.ref));
  });

  router.get('/projects/:projectId/models/:modelId', async (req, res) => {
    const { projectId, modelId } = parseInput(modelParams, req.params, 'path');
    await access.readProject(req, projectId);
    res.json(await models.get(projectId, modelId));
  });

  router.patch('/projects/:projectId/models/:modelId', async (req, res) => {
    const { projectId, modelId } = parseInput(modelParams, req.params, 'path');
    await access.projectFor(req, projectId, mlProjectWritePermission);
    const patch = parseInput(updateModelSchema, req.body, 'body');
    res.json(await models.update(projectId, modelId, patch));
  });

  router.delete('/projects/:projectId/models/:modelId', async (req, res) => {
    const { projectId, modelId } = parseInput(modelParams, req.params, 'path');
    await access.projectFor(req, projectId, mlProjectWritePermission);
    await models.delete(projectId, modelId);
    res.status(204).end();
  });

  router.get(
    '/projects/:projectId/models/:modelId/builds',
    async (req, res) => {
      const { projectId, modelId } = parseInput(
        modelParams,
        req.params,
        'path',
      );
      await access.readProject(req, projectId);
      res.json({ items: await modelBuilds.list(projectId, modelId) });
    },
  );

  router.post(
    '/projects/:projectId/models/:modelId/builds',
    async (req, res) => {
      const { projectId, modelId } = parseInput(
        modelParams,
        req.params,
        'path',
      );
      const { caller } = await access.projectFor(
        req,
        projectId,
        mlProjectWritePermission,
      );
      const input = parseInput(createModelBuildSchema, req.body, 'body');
      res
        .status(201)
        .json(
          publicBuild(
            await modelBuilds.create(projectId, modelId, input, caller.ref),
          ),
        );
    },
  );

  router.get(
    '/projects/:projectId/models/:modelId/builds/:buildId',
    async (req, res) => {
      const { projectId, modelId, buildId } = parseInput(
        buildParams,
        req.params,
        'path',
      );
      await access.readProject(req, projectId);
      res.json(publicBuild(await modelBuilds.get(projectId, modelId, buildId)));
    },
  );

  router.get(
    '/projects/:projectId/models/:modelId/deployments',
    async (req, res) => {
      const { projectId, modelId } = parseInput(
        modelParams,
        req.params,
        'path',
      );
      await access.readProject(req, projectId);
      res.json({ items: await modelDeployments.list(projectId, modelId) });
    },
  );

  router.post(
    '/projects/:projectId/models/:modelId/deployments',
    async (req, res) => {
      const { projectId, modelId } = parseInput(
        modelParams,
        req.params,
        'path',
      );
      const { caller } = await access.projectFor(
        req,
        projectId,
        mlProjectOperatePermission,
      );
      const input = parseInput(createModelDeploymentSchema, req.body, 'body');
      res
        .status(201)
        .json(
          await modelDeployments.create(projectId, modelId, input, caller.ref),
        );
    },
  );

  router.get(
    '/projects/:projectId/models/:modelId/deployments/:deploymentId',
    async (req, res) => {
      const { projectId, modelId, deploymentId } = parseInput(
        deploymentParams,
        req.params,
        'path',
      );
      await access.readProject(req, projectId);
      res.json(await modelDeployments.get(projectId, modelId, deploymentId));
    },
  );

  router.patch(
    '/projects/:projectId/models/:modelId/deployments/:deploymentId',
    async (req, res) => {
      const { projectId, modelId, deploymentId } = parseInput(
        deploymentParams,
        req.params,
        'path',
      );
      const { caller } = await access.projectFor(
        req,
        projectId,
        mlProjectOperatePermission,
      );
      const { replicas } = parseInput(
        updateModelDeploymentSchema,
        req.body,
        'body',
      );
      res.json(
        await modelDeployments.scale(
          projectId,
          modelId,
          deploymentId,
          replicas,
          caller.ref,
        ),
      );
    },
  );

  router.post(
    '/projects/:projectId/models/:modelId/deployments/:deploymentId/stop',
    async (req, res) => {
      const { projectId, modelId, deploymentId } = parseInput(
        deploymentParams,
        req.params,
        'path',
      );
      await access.projectFor(req, projectId, mlProjectOperatePermission);
      res.json(await modelDeployments.stop(projectId, modelId, deploymentId));
    },
  );

  router.get('/projects/:projectId/models/:modelId/keys', async (req, res) => {
    const { projectId, modelId } = parseInput(modelParams, req.params, 'path');
    await access.projectFor(req, projectId, mlProjectWritePermission);
    const model = await models.get(projectId, modelId);
    res.json({ items: await modelKeys.list(model.id) });
  });

  router.post('/projects/:projectId/models/:modelId/keys', async (req, res) => {
    const { projectId, modelId } = parseInput(modelParams, req.params, 'path');
    const { caller } = await access.projectFor(
      req,
      projectId,
      mlProjectWritePermission,
    );
    const { name } = parseInput(
      createModelAccessKeySchema,
      req.body ?? {},
      'body',
    );
    const model = await models.get(projectId, modelId);
    // The only response that ever holds the key; it must not be cached on the way.
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(await modelKeys.create(model.id, name, caller.ref));
  });

  router.delete(
    '/projects/:projectId/models/:modelId/keys/:keyId',
    async (req, res) => {
      const { projectId, modelId, keyId } = parseInput(
        keyParams,
        req.params,
        'path',
      );
      await access.projectFor(req, projectId, mlProjectWritePermission);
      const model = await models.get(projectId, modelId);
      await modelKeys.revoke(model.id, keyId);
      res.status(204).end();
    },
  );

  return router;
}
