import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleIds, stepExample } from './stepExample';

const { projectId, modelId, buildId } = exampleIds;

export const modelDriftBaselineExamples: TemplateExample[] = [
  stepExample(
    "Baselines from the training CSV the build's lineage.yaml names",
    {
      id: 'baseline',
      action: 'ml:model:drift-baseline',
      name: 'Take the drift baseline',
      input: { projectId, modelId, source: 'dataset', buildId },
    },
  ),
  stepExample(
    'Baselines from the first 500 predictions of the active deployment',
    {
      id: 'baseline',
      action: 'ml:model:drift-baseline',
      name: 'Take the drift baseline',
      input: { projectId, modelId, source: 'predictions', size: 500 },
    },
  ),
];
