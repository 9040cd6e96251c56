import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const projectId = '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01';
const runtimeId = '0b7e3d0a-8f6c-4d6e-a1f2-5c3b9e7d4a10';

export const jobCreateExamples: TemplateExample[] = [
  {
    description: 'A training job that runs every night at 03:00 UTC',
    example: yaml.stringify({
      steps: [
        {
          id: 'train-job',
          action: 'ml:job:create',
          name: 'Create training job',
          input: {
            projectId,
            name: 'Train',
            script: 'train.py',
            runtimeId,
            profile: 'small',
            schedule: '0 3 * * *',
          },
        },
      ],
    }),
  },
  {
    description: 'An evaluation job that runs after the training job succeeds',
    example: yaml.stringify({
      steps: [
        {
          id: 'evaluate-job',
          action: 'ml:job:create',
          name: 'Create evaluation job',
          input: {
            projectId,
            name: 'Evaluate',
            script: 'evaluate.py',
            args: ['--threshold', '0.9'],
            runtimeId,
            profile: 'small',
            parentJobId: '9d2f4b6e-1a3c-4e5f-8a7b-6c5d4e3f2a10',
            maxRetries: 2,
          },
        },
      ],
    }),
  },
];
