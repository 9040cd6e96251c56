import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleIds, stepExample } from './stepExample';

const { projectId, runtimeId, modelId } = exampleIds;

export const applicationStartExamples: TemplateExample[] = [
  stepExample('Start a dashboard application and wait until it runs', {
    id: 'dashboard',
    action: 'ml:application:start',
    name: 'Start dashboard',
    input: {
      projectId,
      name: 'Model dashboard',
      slug: 'churn-dashboard',
      script: 'app.py',
      runtimeId,
      profile: 'small',
      env: { MODEL_ID: modelId },
    },
  }),
];
