import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleIds, stepExample } from './stepExample';

const { projectId } = exampleIds;

export const modelCreateExamples: TemplateExample[] = [
  stepExample('Create a model in the project an earlier step created', {
    id: 'model',
    action: 'ml:model:create',
    name: 'Create model',
    input: {
      projectId,
      name: 'price-predictor',
      description: 'Predicts a price from the size of a flat',
    },
  }),
  stepExample('Create a model anyone may call without an access key', {
    id: 'model',
    action: 'ml:model:create',
    name: 'Create open model',
    input: { projectId, name: 'echo', disableAuthentication: true },
  }),
];
