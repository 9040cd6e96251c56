import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleIds, stepExample } from './stepExample';

const { projectId, runtimeId, jobId } = exampleIds;

export const jobCreateExamples: TemplateExample[] = [
  stepExample('A training job that runs every night at 03:00 UTC', {
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
  }),
  stepExample('An evaluation job that runs after the training job succeeds', {
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
      parentJobId: jobId,
      maxRetries: 2,
    },
  }),
  stepExample(
    'A retraining job whose successful runs offer a build to the model',
    {
      id: 'retrain-job',
      action: 'ml:job:create',
      name: 'Create retraining job',
      input: {
        projectId,
        name: 'Retrain',
        script: 'retrain.py',
        runtimeId,
        profile: 'small',
        candidate: {
          model: 'price-predictor',
          kind: 'build',
          filePath: 'model.py',
          functionName: 'predict',
        },
      },
    },
  ),
];
