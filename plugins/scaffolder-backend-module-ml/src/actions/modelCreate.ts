import { createInProjectAction } from './createInProjectAction';
import {
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
export function createMlModelCreateAction(options: MlActionOptions) {
  return createInProjectAction(options, {
    id: 'ml:model:create',
    description:
      'Creates a model in an ML project (build it with ml:model:build, serve it with ml:model:deploy)',
    examples: modelCreateExamples,
    input: modelCreateInput,
    thing: 'model',
    method: 'createModel',
  });
}
