import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const modelCreateExamples: TemplateExample[] = [
  {
    description: 'Create a model in the project an earlier step created',
    example: yaml.stringify({
      steps: [
        {
          id: 'model',
          action: 'ml:model:create',
          name: 'Create model',
          input: {
            projectId: '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01',
            name: 'price-predictor',
            description: 'Predicts a price from the size of a flat',
          },
        },
      ],
    }),
  },
  {
    description: 'Create a model anyone may call without an access key',
    example: yaml.stringify({
      steps: [
        {
          id: 'model',
          action: 'ml:model:create',
          name: 'Create open model',
          input: {
            projectId: '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01',
            name: 'echo',
            disableAuthentication: true,
          },
        },
      ],
    }),
  },
];
