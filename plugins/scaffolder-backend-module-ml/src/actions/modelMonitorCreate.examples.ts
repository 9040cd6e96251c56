import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleIds, stepExample } from './stepExample';

const { projectId, modelId, jobId } = exampleIds;

export const modelMonitorCreateExamples: TemplateExample[] = [
  stepExample('A drift monitor that starts the retraining job', {
    id: 'drift-monitor',
    action: 'ml:model:monitor:create',
    name: 'Watch the size feature for drift',
    input: {
      projectId,
      modelId,
      name: 'size-drift',
      metric: { kind: 'drift', feature: 'size', statistic: 'psi' },
      threshold: 0.25,
      direction: 'above',
      windowSeconds: 3600,
      minSamples: 100,
      cooldownSeconds: 86400,
      triggerJobId: jobId,
    },
  }),
  stepExample('A quality monitor that only alerts', {
    id: 'mae-monitor',
    action: 'ml:model:monitor:create',
    name: 'Watch the mean absolute error',
    input: {
      projectId,
      modelId,
      name: 'mae',
      metric: { kind: 'quality', name: 'mae' },
      threshold: 20000,
      direction: 'above',
    },
  }),
];
