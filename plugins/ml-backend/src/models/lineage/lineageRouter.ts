import Router from 'express-promise-router';
import { z } from 'zod';
import { LineageService } from './LineageService';
import { RequestAccess } from '../../access/RequestAccess';
import { projectParams } from '../../projects/projectsRouter';
import { parseInput } from '../../http/validation';

/** A model by id or by its name in the project, as the models routes take it. */
const modelParams = projectParams.extend({
  modelId: z.string().min(1).max(63),
});

/** A model's lineage: datasets → builds → deployments → endpoint → applications. */
export function createLineageRouter(deps: {
  access: RequestAccess;
  lineage: LineageService;
}) {
  const { access, lineage } = deps;
  const router = Router();

  router.get(
    '/projects/:projectId/models/:modelId/lineage',
    async (req, res) => {
      const { projectId, modelId } = parseInput(
        modelParams,
        req.params,
        'path',
      );
      await access.readProject(req, projectId);
      res.json(await lineage.get(projectId, modelId));
    },
  );

  return router;
}
