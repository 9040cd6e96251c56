import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { MlService } from '@ml-platform/plugin-ml-node';
import { defined, projectIdField, Z } from './fields';
import { modelCreateExamples } from './modelCreate.examples';

/** Input of the action, exported for the examples test. */
export const modelCreateInput = {
  projectId: projectIdField,
  name: (z: Z) =>
    z
      .string()
      .min(1)
      .describe(
        'DNS-style model name, unique in the project, e.g. "price-predictor"',
      ),
  description: (z: Z) =>
    z.string().optional().describe('What the model predicts'),
  disableAuthentication: (z: Z) =>
    z
      .boolean()
      .optional()
      .describe('Serve predictions without an access key (default false)'),
};

/** `ml:model:create`: the model a build and deployment belong to. */
export function createMlModelCreateAction(options: { ml: MlService }) {
  const { ml } = options;
  return createTemplateAction({
    id: 'ml:model:create',
    description:
      'Creates a model in an ML project (build it with ml:model:build, serve it with ml:model:deploy)',
    examples: modelCreateExamples,
    schema: {
      input: modelCreateInput,
      output: {
        modelId: z => z.string().describe('Id of the model'),
        modelName: z => z.string().describe('Name of the model'),
      },
    },
    async handler(ctx) {
      const { projectId, ...model } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const created = await ctx.checkpoint({
        key: `model.${projectId}.${model.name}`,
        fn: async () => {
          const result = await ml.createModel(projectId, defined(model), {
            credentials,
          });
          return { id: result.id, name: result.name };
        },
      });
      ctx.logger.info(`Created model ${created.name} (${created.id})`);
      ctx.output('modelId', created.id);
      ctx.output('modelName', created.name);
    },
  });
}
