import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createOnce } from './createOnce';
import {
  defined,
  nonEmptyString,
  optionalFlag,
  optionalString,
  projectIdField,
} from './fields';
import { MlActionOptions } from './MlActionOptions';
import { modelCreateExamples } from './modelCreate.examples';

/** Input of the action, exported for the examples test. */
export const modelCreateInput = {
  projectId: projectIdField,
  name: nonEmptyString(
    'DNS-style model name, unique in the project, e.g. "price-predictor"',
  ),
  description: optionalString('What the model predicts'),
  disableAuthentication: optionalFlag(
    'Serve predictions without an access key (default false)',
  ),
};

/** `ml:model:create`: the model a build and deployment belong to. */
export function createMlModelCreateAction({ ml }: MlActionOptions) {
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
      const created = await createOnce(
        ctx,
        `model.${projectId}.${model.name}`,
        ['id', 'name'],
        () => ml.createModel(projectId, defined(model), { credentials }),
      );
      ctx.logger.info(`Created model ${created.name} (${created.id})`);
      ctx.output('modelId', created.id);
      ctx.output('modelName', created.name);
    },
  });
}
