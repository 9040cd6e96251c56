import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const projectCreateExamples: TemplateExample[] = [
  {
    description: 'Create a project from the files fetch:template wrote',
    example: yaml.stringify({
      steps: [
        {
          id: 'project',
          action: 'ml:project:create',
          name: 'Create ML project',
          input: {
            workspace: 'demo',
            name: 'churn-model',
            title: 'Churn model',
            description: 'Predicts which customers leave',
          },
        },
      ],
    }),
  },
  {
    description:
      'Create a team project from a sub-folder of the workspace, with project env',
    example: yaml.stringify({
      steps: [
        {
          id: 'project',
          action: 'ml:project:create',
          name: 'Create ML project',
          input: {
            workspace: 'demo',
            name: 'forecasting',
            owner: 'group:default/ml-research',
            visibility: 'team',
            env: { DATA_BUCKET: 's3://forecasting' },
            sourcePath: 'project',
          },
        },
      ],
    }),
  },
];
