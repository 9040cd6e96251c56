import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const modelDeployExamples: TemplateExample[] = [
  {
    description:
      'Deploy the build of an earlier step and wait for a live endpoint',
    example: yaml.stringify({
      steps: [
        {
          id: 'deploy',
          action: 'ml:model:deploy',
          name: 'Deploy model',
          input: {
            projectId: '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01',
            modelId: '3a9e1c7b-5d2f-4e8a-9b6c-1d0f2e3a4b50',
            buildId: '7c4d2e1f-9a8b-4c6d-8e5f-0a1b2c3d4e60',
            profile: 'small',
          },
        },
      ],
    }),
  },
  {
    description: 'Two replicas with env, without waiting',
    example: yaml.stringify({
      steps: [
        {
          id: 'deploy',
          action: 'ml:model:deploy',
          name: 'Deploy model',
          input: {
            projectId: '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01',
            modelId: '3a9e1c7b-5d2f-4e8a-9b6c-1d0f2e3a4b50',
            buildId: '7c4d2e1f-9a8b-4c6d-8e5f-0a1b2c3d4e60',
            replicas: 2,
            profile: 'medium',
            env: { LOG_LEVEL: 'debug' },
            waitForReady: false,
          },
        },
      ],
    }),
  },
];
