import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { MlService } from '@ml-platform/plugin-ml-node';
import {
  defined,
  envField,
  projectIdField,
  runtimeIdField,
  timeoutField,
  Z,
} from './fields';
import { modelBuildExamples } from './modelBuild.examples';
import { pollUntil } from './waitFor';

/** Input of the action, exported for the examples test. */
export const modelBuildInput = {
  projectId: projectIdField,
  modelId: (z: Z) =>
    z
      .string()
      .uuid()
      .describe(
        'Id of the model, e.g. the `modelId` output of ml:model:create',
      ),
  filePath: (z: Z) =>
    z
      .string()
      .min(1)
      .describe(
        'File with the model function, relative to the project root, e.g. "model.py"',
      ),
  functionName: (z: Z) =>
    z
      .string()
      .min(1)
      .describe('Name of the function that takes the request, e.g. "predict"'),
  runtimeId: runtimeIdField,
  comment: (z: Z) =>
    z.string().optional().describe('Note stored with the build'),
  examples: (z: Z) =>
    z
      .array(
        z.object({
          request: z.any().describe('An example request'),
          response: z.any().optional().describe('The response it should give'),
        }),
      )
      .optional()
      .describe(
        'Example requests, shown on the model page and used for its API entity',
      ),
  env: envField,
  waitForBuilt: (z: Z) =>
    z
      .boolean()
      .optional()
      .describe('Wait until the build has finished (default true)'),
  timeoutSeconds: (z: Z) => timeoutField(z, 'the build', 1800),
};

/**
 * `ml:model:build` (AMP `build_model`): an immutable build of the model
 * function from the project's files as they are now.
 */
export function createMlModelBuildAction(options: {
  ml: MlService;
  pollIntervalMs?: number;
}) {
  const { ml } = options;
  return createTemplateAction({
    id: 'ml:model:build',
    description:
      "Builds a model from a function in the project's files (build.sh, if present, runs in the build) and by default waits until the build is done",
    examples: modelBuildExamples,
    schema: {
      input: modelBuildInput,
      output: {
        buildId: z => z.string().describe('Id of the build'),
        buildNumber: z =>
          z.number().describe('Number of the build, 1-based per model'),
        state: z =>
          z.string().describe('State of the build when the step ended'),
      },
    },
    async handler(ctx) {
      const { projectId, modelId, waitForBuilt, timeoutSeconds, ...build } =
        ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const created = await ctx.checkpoint({
        key: `build.${projectId}.${modelId}`,
        fn: async () => {
          const result = await ml.buildModel(
            projectId,
            modelId,
            defined(build),
            { credentials },
          );
          return {
            id: result.id,
            number: result.number,
            state: result.state as string,
          };
        },
      });
      ctx.logger.info(
        `Started build ${created.number} (${created.id}) of model ${modelId}`,
      );
      let state = created.state;
      if (waitForBuilt ?? true) {
        state = await pollUntil({
          what: `build ${created.number} of model ${modelId}`,
          timeoutSeconds: timeoutSeconds ?? 1800,
          intervalMs: options.pollIntervalMs,
          signal: ctx.signal,
          probe: async () => {
            const current = await ml.getBuild(projectId, modelId, created.id, {
              credentials,
            });
            if (current.state === 'built')
              return { done: true, value: current.state };
            if (current.state === 'failed' || current.state === 'stopped') {
              return {
                failed: `${current.state}${
                  current.reason ? `: ${current.reason}` : ''
                }`,
              };
            }
            return { pending: current.state };
          },
        });
        ctx.logger.info(`Build ${created.number} is ${state}`);
      }
      ctx.output('buildId', created.id);
      ctx.output('buildNumber', created.number);
      ctx.output('state', state);
    },
  });
}
