import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stepExample } from './stepExample';

export const projectCreateExamples: TemplateExample[] = [
  stepExample('Create a project from the files fetch:template wrote', {
    id: 'project',
    action: 'ml:project:create',
    name: 'Create ML project',
    input: {
      workspace: 'demo',
      name: 'churn-model',
      title: 'Churn model',
      description: 'Predicts which customers leave',
    },
  }),
  stepExample(
    'Create a team project from a sub-folder of the workspace, with project env',
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
  ),
];
