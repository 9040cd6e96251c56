import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import { INITIATOR, runAction } from '../__testUtils__/actionContext';
import { createMlModelCreateAction } from './modelCreate';
import { exampleIds } from './stepExample';

const { projectId } = exampleIds;

describe('ml:model:create', () => {
  const api = fakeMlApiPerTest();

  it('creates the model as the initiating user', async () => {
    const action = createMlModelCreateAction({ ml: api().client() });
    const { outputs } = await runAction(action, {
      projectId,
      name: 'price',
      description: 'Prices',
    });
    const [request] = api().creations(/\/models$/);
    expect(request.path).toBe(`/projects/${projectId}/models`);
    expect(request.body).toEqual({ name: 'price', description: 'Prices' });
    expect(request.onBehalfOf).toBe(INITIATOR);
    expect(outputs).toEqual({
      modelId: expect.any(String),
      modelName: 'price',
    });
  });

  it('reports a name conflict from the ML API', async () => {
    const action = createMlModelCreateAction({ ml: api().client() });
    api().refuseNext('POST', /\/models$/, 409, 'model "price" exists');
    await expect(
      runAction(action, { projectId, name: 'price' }),
    ).rejects.toThrow(/\(409\); caused by ConflictError: model "price" exists/);
  });
});
