import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const applicationStartExamples: TemplateExample[] = [
  {
    description: 'Start a dashboard application and wait until it runs',
    example: yaml.stringify({
      steps: [
        {
          id: 'dashboard',
          action: 'ml:application:start',
          name: 'Start dashboard',
          input: {
            projectId: '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01',
            name: 'Model dashboard',
            slug: 'churn-dashboard',
            script: 'app.py',
            runtimeId: '0b7e3d0a-8f6c-4d6e-a1f2-5c3b9e7d4a10',
            profile: 'small',
            env: { MODEL_ID: '3a9e1c7b-5d2f-4e8a-9b6c-1d0f2e3a4b50' },
          },
        },
      ],
    }),
  },
];
