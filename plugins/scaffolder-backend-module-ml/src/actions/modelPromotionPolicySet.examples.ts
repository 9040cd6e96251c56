import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleIds, stepExample } from './stepExample';

const { projectId, modelId } = exampleIds;

export const modelPromotionPolicySetExamples: TemplateExample[] = [
  stepExample('Promote a candidate whose RMSE (from its MLflow run) is lower', {
    id: 'policy',
    action: 'ml:model:promotion-policy:set',
    name: 'Gate redeploys on RMSE',
    input: { projectId, modelId, metric: 'rmse', better: 'lower' },
  }),
  stepExample("Promote on the job's own metrics file, by a margin", {
    id: 'policy',
    action: 'ml:model:promotion-policy:set',
    name: 'Gate redeploys on accuracy',
    input: {
      projectId,
      modelId,
      metric: 'accuracy',
      better: 'higher',
      source: 'jobOutput',
      margin: 0.01,
    },
  }),
];
