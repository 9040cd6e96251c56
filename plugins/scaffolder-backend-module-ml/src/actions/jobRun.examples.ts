import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const jobRunExamples: TemplateExample[] = [
  {
    description: 'Run a job once and wait until it succeeds',
    example: yaml.stringify({
      steps: [
        {
          id: 'first-training',
          action: 'ml:job:run',
          name: 'Train once',
          input: {
            projectId: '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01',
            jobId: '9d2f4b6e-1a3c-4e5f-8a7b-6c5d4e3f2a10',
            timeoutSeconds: 600,
          },
        },
      ],
    }),
  },
  {
    description: 'Start a run with extra env and do not wait for it',
    example: yaml.stringify({
      steps: [
        {
          id: 'backfill',
          action: 'ml:job:run',
          name: 'Start a backfill',
          input: {
            projectId: '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01',
            jobId: '9d2f4b6e-1a3c-4e5f-8a7b-6c5d4e3f2a10',
            env: { BACKFILL_DAYS: '30' },
            waitForCompletion: false,
          },
        },
      ],
    }),
  },
];
