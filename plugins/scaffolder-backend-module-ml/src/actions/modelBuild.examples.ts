import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const modelBuildExamples: TemplateExample[] = [
  {
    description:
      'Build predict() of model.py with an example request and wait for the build',
    example: yaml.stringify({
      steps: [
        {
          id: 'build',
          action: 'ml:model:build',
          name: 'Build model',
          input: {
            projectId: '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01',
            modelId: '3a9e1c7b-5d2f-4e8a-9b6c-1d0f2e3a4b50',
            filePath: 'model.py',
            functionName: 'predict',
            runtimeId: '0b7e3d0a-8f6c-4d6e-a1f2-5c3b9e7d4a10',
            comment: 'First build, from the template',
            examples: [{ request: { size: 50 }, response: { price: 250000 } }],
          },
        },
      ],
    }),
  },
  {
    description: 'Start a build and go on without waiting',
    example: yaml.stringify({
      steps: [
        {
          id: 'build',
          action: 'ml:model:build',
          name: 'Start a build',
          input: {
            projectId: '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01',
            modelId: '3a9e1c7b-5d2f-4e8a-9b6c-1d0f2e3a4b50',
            filePath: 'model.py',
            functionName: 'predict',
            runtimeId: '0b7e3d0a-8f6c-4d6e-a1f2-5c3b9e7d4a10',
            env: { MODEL_FILE: 'model.json' },
            waitForBuilt: false,
          },
        },
      ],
    }),
  },
];
