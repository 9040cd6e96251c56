import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleIds, stepExample } from './stepExample';

const { projectId, modelId, buildId } = exampleIds;

export const modelDeployExamples: TemplateExample[] = [
  stepExample(
    'Deploy the build of an earlier step and wait for a live endpoint',
    {
      id: 'deploy',
      action: 'ml:model:deploy',
      name: 'Deploy model',
      input: { projectId, modelId, buildId, profile: 'small' },
    },
  ),
  stepExample('Two replicas with env, without waiting', {
    id: 'deploy',
    action: 'ml:model:deploy',
    name: 'Deploy model',
    input: {
      projectId,
      modelId,
      buildId,
      replicas: 2,
      profile: 'medium',
      env: { LOG_LEVEL: 'debug' },
      waitForReady: false,
    },
  }),
];
