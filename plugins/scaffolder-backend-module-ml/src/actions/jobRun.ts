import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createOnce } from './createOnce';
import {
  defined,
  envField,
  optionalFlag,
  outputString,
  projectIdField,
  stepEndStateOutput,
  timeoutField,
  uuidString,
  Z,
} from './fields';
import { jobRunExamples } from './jobRun.examples';
import { MlActionOptions } from './MlActionOptions';
import { stateWhenStepEnds } from './waitFor';

const FAILED_STATES = ['failed', 'stopped', 'timed_out'];

/** Input of the action, exported for the examples test. */
export const jobRunInput = {
  projectId: projectIdField,
  jobId: uuidString('Id of the job, e.g. the `jobId` output of ml:job:create'),
  env: envField,
  args: (z: Z) =>
    z
      .array(z.string())
      .optional()
      .describe("Arguments for this run instead of the job's"),
  waitForCompletion: optionalFlag(
    'Wait until the run has ended (default true)',
  ),
  timeoutSeconds: (z: Z) => timeoutField(z, 'the run', 1800),
};

/** `ml:job:run` (AMP `run_job`): starts a run and by default waits for it to end. */
export function createMlJobRunAction({ ml, pollIntervalMs }: MlActionOptions) {
  return createTemplateAction({
    id: 'ml:job:run',
    description:
      'Starts a run of an ML job and, unless told otherwise, waits until it has succeeded (fails the step when the run fails)',
    examples: jobRunExamples,
    schema: {
      input: jobRunInput,
      output: {
        runId: outputString(
          'Id of the run (a workload id; its logs are /workloads/:id/logs)',
        ),
        state: stepEndStateOutput('the run'),
      },
    },
    async handler(ctx) {
      const { projectId, jobId, env, args } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const run = await createOnce(
        ctx,
        `run.${projectId}.${jobId}`,
        ['id', 'state'],
        () =>
          ml.runJob(projectId, jobId, defined({ env, args }), { credentials }),
      );
      ctx.logger.info(`Started run ${run.id} of job ${jobId}`);
      const state = await stateWhenStepEnds(ctx, {
        initial: run.state,
        wait: ctx.input.waitForCompletion,
        what: `run ${run.id}`,
        get: () => ml.getWorkload(run.id, { credentials }),
        isDone: workload => workload.state === 'succeeded',
        failedStates: FAILED_STATES,
        timeoutSeconds: ctx.input.timeoutSeconds ?? 1800,
        intervalMs: pollIntervalMs,
        ended: reached => `Run ${run.id} ${reached}`,
      });
      ctx.output('runId', run.id);
      ctx.output('state', state);
    },
  });
}
