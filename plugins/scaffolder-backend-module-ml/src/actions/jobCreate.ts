import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createOnce } from './createOnce';
import {
  defined,
  envField,
  nonEmptyString,
  optionalFlag,
  optionalString,
  profileField,
  projectIdField,
  runtimeIdField,
  Z,
} from './fields';
import { jobCreateExamples } from './jobCreate.examples';
import { MlActionOptions } from './MlActionOptions';

/** Input of the action, exported for the examples test. */
export const jobCreateInput = {
  projectId: projectIdField,
  name: nonEmptyString('Name of the job, e.g. "Retrain nightly"'),
  script: nonEmptyString(
    'Script to run, relative to the project root, e.g. "train.py"',
  ),
  args: (z: Z) =>
    z.array(z.string()).optional().describe('Arguments passed to the script'),
  env: envField,
  runtimeId: runtimeIdField,
  profile: profileField,
  timeoutSeconds: (z: Z) =>
    z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Stop a run after this many seconds'),
  maxRetries: (z: Z) =>
    z
      .number()
      .int()
      .min(0)
      .max(10)
      .optional()
      .describe('Retries of a failed run (default 0)'),
  schedule: optionalString(
    'Cron schedule, e.g. "0 3 * * *"; not together with parentJobId',
  ),
  timezone: optionalString(
    'Time zone of the schedule, e.g. "Europe/Berlin" (default UTC)',
  ),
  parentJobId: (z: Z) =>
    z
      .string()
      .uuid()
      .optional()
      .describe(
        'Run after this job succeeds (a dependent job); not together with schedule',
      ),
  enabled: optionalFlag(
    'Whether schedule and dependency start runs (default true)',
  ),
};

/** `ml:job:create` (AMP `create_job`): a manual, scheduled or dependent job. */
export function createMlJobCreateAction({ ml }: MlActionOptions) {
  return createTemplateAction({
    id: 'ml:job:create',
    description:
      'Creates a job in an ML project: run by hand, on a cron schedule, or after a parent job succeeds',
    examples: jobCreateExamples,
    schema: {
      input: jobCreateInput,
      output: {
        jobId: z => z.string().describe('Id of the job'),
        jobName: z => z.string().describe('Name of the job'),
      },
    },
    async handler(ctx) {
      const { projectId, ...job } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const created = await createOnce(
        ctx,
        `job.${projectId}.${job.name}`,
        ['id', 'name'],
        () => ml.createJob(projectId, defined(job), { credentials }),
      );
      ctx.logger.info(`Created job "${created.name}" (${created.id})`);
      ctx.output('jobId', created.id);
      ctx.output('jobName', created.name);
    },
  });
}
