import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleIds, stepExample } from './stepExample';

const { projectId, modelId } = exampleIds;

export const modelMonitoringSettingsExamples: TemplateExample[] = [
  stepExample('A regression model with delayed ground truth and one feature', {
    id: 'monitoring',
    action: 'ml:model:monitoring-settings',
    name: 'Say what the model is monitored on',
    input: {
      projectId,
      modelId,
      task: 'regression',
      predictionMetric: 'price',
      truthMetric: 'actual_price',
      features: [{ name: 'size', type: 'numeric' }],
      baselineSize: 1000,
    },
  }),
];
