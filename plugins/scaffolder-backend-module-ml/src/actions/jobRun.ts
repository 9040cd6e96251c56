import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { MlService } from '@ml-platform/plugin-ml-node';
import { defined, envField, projectIdField, timeoutField, Z } from './fields';
import { jobRunExamples } from './jobRun.examples';
import { pollUntil } from './waitFor';

const FAILED_STATES = ['failed', 'stopped', 'timed_out'];

/** Input of the action, exported for the examples test. */
export const jobRunInput = {
  projectId: projectIdField,
  jobId: (z: Z) =>
    z
      .string()
      .uuid()
      .describe('Id of the job, e.g. the `jobId` output of ml:job:create'),
  env: envField,
  args: (z: Z) =>
    z
      .array(z.string())
      .optional()
      .describe("Arguments for this run instead of the job's"),
  waitForCompletion: (z: Z) =>
    z
      .boolean()
      .optional()
      .describe('Wait until the run has ended (default true)'),
  timeoutSeconds: (z: Z) => timeoutField(z, 'the run', 1800),
};

/** `ml:job:run` (AMP `run_job`): starts a run and by default waits for it to end. */
export function createMlJobRunAction(options: {
  ml: MlService;
  pollIntervalMs?: number;
}) {
  const { ml } = options;
  return createTemplateAction({
    id: 'ml:job:run',
    description:
      'Starts a run of an ML job and, unless told otherwise, waits until it has succeeded (fails the step when the run fails)',
    examples: jobRunExamples,
    schema: {
      input: jobRunInput,
      output: {
        runId: z =>
          z
            .string()
            .describe(
              'Id of the run (a workload id; its logs are /workloads/:id/logs)',
            ),
        state: z => z.string().describe('State of the run when the step ended'),
      },
    },
    async handler(ctx) {
      const { projectId, jobId, env, args } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const run = await ctx.checkpoint({
        key: `run.${projectId}.${jobId}`,
        fn: async () => {
          const started = await ml.runJob(
            projectId,
            jobId,
            defined({ env, args }),
            { credentials },
          );
          return { id: started.id, state: started.state as string };
        },
      });
      ctx.logger.info(`Started run ${run.id} of job ${jobId}`);
      let state = run.state;
      if (ctx.input.waitForCompletion ?? true) {
        state = await pollUntil({
          what: `run ${run.id}`,
          timeoutSeconds: ctx.input.timeoutSeconds ?? 1800,
          intervalMs: options.pollIntervalMs,
          signal: ctx.signal,
          probe: async () => {
            const workload = await ml.getWorkload(run.id, { credentials });
            if (workload.state === 'succeeded')
              return { done: true, value: workload.state };
            if (FAILED_STATES.includes(workload.state)) {
              return {
                failed: `${workload.state}${
                  workload.reason ? `: ${workload.reason}` : ''
                }`,
              };
            }
            return { pending: workload.state };
          },
        });
        ctx.logger.info(`Run ${run.id} ${state}`);
      }
      ctx.output('runId', run.id);
      ctx.output('state', state);
    },
  });
}
