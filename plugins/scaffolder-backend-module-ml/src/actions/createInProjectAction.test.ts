import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import { runRetried } from '../__testUtils__/actionContext';
import { createMlJobCreateAction } from './jobCreate';
import { createMlModelCreateAction } from './modelCreate';
import { exampleIds } from './stepExample';

const { projectId, runtimeId } = exampleIds;

describe('the actions that create a thing in a project', () => {
  const api = fakeMlApiPerTest();

  it.each([
    [
      'job',
      createMlJobCreateAction,
      /\/jobs$/,
      { name: 'Evaluate', script: 'evaluate.py', runtimeId, profile: 'small' },
    ],
    ['model', createMlModelCreateAction, /\/models$/, { name: 'price' }],
  ])(
    'a retried task does not create the %s twice',
    async (_thing, createAction, path, fields) => {
      const action = createAction({ ml: api().client() });
      const { first, second } = await runRetried(action, {
        projectId,
        ...fields,
      });
      expect(api().creations(path)).toHaveLength(1);
      expect(second.outputs).toEqual(first.outputs);
    },
  );
});
