import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleIds, stepExample } from './stepExample';

const { projectId, jobId } = exampleIds;

export const jobRunExamples: TemplateExample[] = [
  stepExample('Run a job once and wait until it succeeds', {
    id: 'first-training',
    action: 'ml:job:run',
    name: 'Train once',
    input: { projectId, jobId, timeoutSeconds: 600 },
  }),
  stepExample('Start a run with extra env and do not wait for it', {
    id: 'backfill',
    action: 'ml:job:run',
    name: 'Start a backfill',
    input: {
      projectId,
      jobId,
      env: { BACKFILL_DAYS: '30' },
      waitForCompletion: false,
    },
  }),
];
