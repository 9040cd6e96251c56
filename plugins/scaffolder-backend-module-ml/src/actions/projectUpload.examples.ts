import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleIds, stepExample } from './stepExample';

export const projectUploadExamples: TemplateExample[] = [
  stepExample(
    'Add the files of a sub-folder of the task workspace to a project',
    {
      id: 'dashboard-files',
      action: 'ml:project:upload',
      name: 'Add the dashboard files',
      input: { projectId: exampleIds.projectId, sourcePath: 'dashboard' },
    },
  ),
];
