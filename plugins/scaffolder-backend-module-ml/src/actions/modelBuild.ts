import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createOnce } from './createOnce';
import {
  defined,
  envField,
  optionalFlag,
  optionalString,
  outputString,
  projectIdField,
  runtimeIdField,
  stepEndStateOutput,
  timeoutField,
  uuidString,
  Z,
} from './fields';
import { MlActionOptions } from './MlActionOptions';
import { modelBuildExamples } from './modelBuild.examples';
import { stateWhenStepEnds } from './waitFor';

/** Input of the action, exported for the examples test. */
export const modelBuildInput = {
  projectId: projectIdField,
  modelId: uuidString(
    'Id of the model, e.g. the `modelId` output of ml:model:create',
  ),
  filePath: (z: Z) =>
    z
      .string()
      .min(1)
      .optional()
      .describe(
        'File with the model function, relative to the project root, e.g. "model.py" (may be left out with registeredModel)',
      ),
  functionName: (z: Z) =>
    z
      .string()
      .min(1)
      .optional()
      .describe(
        'Name of the function that takes the request, e.g. "predict" (may be left out with registeredModel)',
      ),
  registeredModel: (z: Z) =>
    z
      .object({
        name: z.string().min(1).describe('Name of the registered model'),
        version: z
          .union([z.string().regex(/^[1-9][0-9]*$/), z.number().int().min(1)])
          .describe(
            'Its version, e.g. the `version` output of ml:model:register',
          ),
      })
      .optional()
      .describe(
        "Build from a version of the project's model registry: its files are in the build's registered-model/ folder (ML_MODEL_ARTIFACTS). Without filePath and functionName the platform's MLflow pyfunc wrapper serves them",
      ),
  runtimeId: runtimeIdField,
  comment: optionalString('Note stored with the build'),
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
  waitForBuilt: optionalFlag(
    'Wait until the build has finished (default true)',
  ),
  timeoutSeconds: (z: Z) => timeoutField(z, 'the build', 1800),
};

/**
 * `ml:model:build` (AMP `build_model`): an immutable build of the model
 * function from the project's files as they are now.
 */
export function createMlModelBuildAction({
  ml,
  pollIntervalMs,
}: MlActionOptions) {
  return createTemplateAction({
    id: 'ml:model:build',
    description:
      "Builds a model from a function in the project's files, or from a registered model version (build.sh, if present, runs in the build), and by default waits until the build is done",
    examples: modelBuildExamples,
    schema: {
      input: modelBuildInput,
      output: {
        buildId: outputString('Id of the build'),
        buildNumber: z =>
          z.number().describe('Number of the build, 1-based per model'),
        state: stepEndStateOutput('the build'),
      },
    },
    async handler(ctx) {
      const {
        projectId,
        modelId,
        waitForBuilt,
        timeoutSeconds,
        registeredModel,
        ...build
      } = ctx.input;
      if (!registeredModel && !(build.filePath && build.functionName)) {
        throw new InputError(
          'Give filePath and functionName (the model function), or registeredModel (a version of the model registry)',
        );
      }
      const body = defined({
        ...build,
        registeredModel: registeredModel && {
          name: registeredModel.name,
          version: String(registeredModel.version),
        },
      });
      const credentials = await ctx.getInitiatorCredentials();
      const created = await createOnce(
        ctx,
        `build.${projectId}.${modelId}`,
        ['id', 'number', 'state'],
        () => ml.buildModel(projectId, modelId, body, { credentials }),
      );
      ctx.logger.info(
        `Started build ${created.number} (${created.id}) of model ${modelId}`,
      );
      const state = await stateWhenStepEnds(ctx, {
        initial: created.state,
        wait: waitForBuilt,
        what: `build ${created.number} of model ${modelId}`,
        get: () => ml.getBuild(projectId, modelId, created.id, { credentials }),
        isDone: current => current.state === 'built',
        failedStates: ['failed', 'stopped'],
        timeoutSeconds: timeoutSeconds ?? 1800,
        intervalMs: pollIntervalMs,
        ended: reached => `Build ${created.number} is ${reached}`,
      });
      ctx.output('buildId', created.id);
      ctx.output('buildNumber', created.number);
      ctx.output('state', state);
    },
  });
}
