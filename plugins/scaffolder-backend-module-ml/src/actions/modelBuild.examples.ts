import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleIds, stepExample } from './stepExample';

const { projectId, modelId, runtimeId } = exampleIds;
/** Both examples (and the action's test) build the same function of the same model. */
export const predictOfModelPy = {
  projectId,
  modelId,
  filePath: 'model.py',
  functionName: 'predict',
  runtimeId,
};

export const modelBuildExamples: TemplateExample[] = [
  stepExample(
    'Build predict() of model.py with an example request and wait for the build',
    {
      id: 'build',
      action: 'ml:model:build',
      name: 'Build model',
      input: {
        ...predictOfModelPy,
        comment: 'First build, from the template',
        examples: [{ request: { size: 50 }, response: { price: 250000 } }],
      },
    },
  ),
  stepExample('Start a build and go on without waiting', {
    id: 'build',
    action: 'ml:model:build',
    name: 'Start a build',
    input: {
      ...predictOfModelPy,
      env: { MODEL_FILE: 'model.json' },
      waitForBuilt: false,
    },
  }),
  stepExample(
    "Deploy from the registry: build version 1 of a registered model (e.g. ml:model:register's output) with the project's function, which reads the version's files from ML_MODEL_ARTIFACTS",
    {
      id: 'build',
      action: 'ml:model:build',
      name: 'Build the registered version',
      input: {
        ...predictOfModelPy,
        registeredModel: { name: 'flats/price-predictor', version: '1' },
        comment: 'Version 1 of the registry',
      },
    },
  ),
  stepExample(
    "Build a registered MLflow model as it is: without filePath and functionName the platform's pyfunc wrapper serves the version's MLmodel folder",
    {
      id: 'build',
      action: 'ml:model:build',
      name: 'Build the registered MLflow model',
      input: {
        projectId,
        modelId,
        runtimeId,
        registeredModel: { name: 'churn-classifier', version: '3' },
      },
    },
  ),
];
