import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleIds, stepExample } from './stepExample';

const { projectId, jobRunId, mlflowRunId } = exampleIds;

export const modelRegisterExamples: TemplateExample[] = [
  stepExample(
    "Register the model a training job run logged (the newest MLflow run it made), as the project's first version",
    {
      id: 'register',
      action: 'ml:model:register',
      name: 'Register the trained model',
      input: {
        projectId,
        name: 'flats/price-predictor',
        jobRunId,
        description: 'Trained by the template',
        alias: 'champion',
      },
    },
  ),
  stepExample('Register the model folder of a known MLflow run', {
    id: 'register',
    action: 'ml:model:register',
    name: 'Register a run',
    input: {
      projectId,
      name: 'flats/price-predictor',
      runId: mlflowRunId,
      artifactPath: 'model',
    },
  }),
];
