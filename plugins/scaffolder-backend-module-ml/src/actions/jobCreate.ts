import { createInProjectAction } from './createInProjectAction';
import {
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
  candidate: (z: Z) =>
    z
      .object({
        model: z.string().min(1).max(63),
        kind: z.enum(['build', 'modelVersion']),
        filePath: z.string().min(1).max(1000).optional(),
        functionName: z.string().min(1).max(200).optional(),
      })
      .strict()
      .optional()
      .describe(
        'What a successful run offers a model (name or id): a build of the project files as the run left them, or the model versions it registered; a promotion policy on the model decides',
      ),
};

/** `ml:job:create` (AMP `create_job`): a manual, scheduled or dependent job. */
export function createMlJobCreateAction(options: MlActionOptions) {
  return createInProjectAction(options, {
    id: 'ml:job:create',
    description:
      'Creates a job in an ML project: run by hand, on a cron schedule, or after a parent job succeeds',
    examples: jobCreateExamples,
    input: jobCreateInput,
    thing: 'job',
    method: 'createJob',
  });
}
