import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const projectUploadExamples: TemplateExample[] = [
  {
    description:
      'Add the files of a sub-folder of the task workspace to a project',
    example: yaml.stringify({
      steps: [
        {
          id: 'dashboard-files',
          action: 'ml:project:upload',
          name: 'Add the dashboard files',
          input: {
            projectId: '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01',
            sourcePath: 'dashboard',
          },
        },
      ],
    }),
  },
];
