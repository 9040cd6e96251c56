import Router from 'express-promise-router';
import { LineageService } from './LineageService';
import { RequestAccess } from '../../access/RequestAccess';
import { projectRoutes } from '../../http/projectRoutes';
import { modelParams } from '../modelParams';

/** A model's lineage: datasets → builds → deployments → endpoint → applications. */
export function createLineageRouter(deps: {
  access: RequestAccess;
  lineage: LineageService;
}) {
  const { lineage } = deps;
  const routes = projectRoutes(deps.access);
  const router = Router();

  router.get(
    '/projects/:projectId/models/:modelId/lineage',
    async (req, res) => {
      const { projectId, modelId } = await routes.read(req, modelParams);
      res.json(await lineage.get(projectId, modelId));
    },
  );

  return router;
}
