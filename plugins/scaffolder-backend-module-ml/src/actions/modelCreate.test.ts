import { FakeMlApi } from '../__testUtils__/FakeMlApi';
import {
  CheckpointStore,
  INITIATOR,
  actionContext,
} from '../__testUtils__/actionContext';
import { createMlModelCreateAction } from './modelCreate';

const projectId = '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01';

describe('ml:model:create', () => {
  let api: FakeMlApi;
  beforeEach(async () => {
    api = await FakeMlApi.start();
  });
  afterEach(() => api.stop());

  it('creates the model as the initiating user', async () => {
    const action = createMlModelCreateAction({ ml: api.client() });
    const { ctx, outputs } = actionContext({
      projectId,
      name: 'price',
      description: 'Prices',
    });
    await action.handler(ctx as any);
    const [request] = api.creations(/\/models$/);
    expect(request.path).toBe(`/projects/${projectId}/models`);
    expect(request.body).toEqual({ name: 'price', description: 'Prices' });
    expect(request.onBehalfOf).toBe(INITIATOR);
    expect(outputs).toEqual({
      modelId: expect.any(String),
      modelName: 'price',
    });
  });

  it('a retried task does not create the model twice', async () => {
    const action = createMlModelCreateAction({ ml: api.client() });
    const checkpoints = new CheckpointStore();
    const first = actionContext({ projectId, name: 'price' }, { checkpoints });
    await action.handler(first.ctx as any);
    const second = actionContext({ projectId, name: 'price' }, { checkpoints });
    await action.handler(second.ctx as any);
    expect(api.creations(/\/models$/)).toHaveLength(1);
    expect(second.outputs).toEqual(first.outputs);
  });

  it('reports a name conflict from the ML API', async () => {
    const action = createMlModelCreateAction({ ml: api.client() });
    api.failNext = {
      method: 'POST',
      pathPattern: /\/models$/,
      status: 409,
      message: 'model "price" exists',
    };
    const { ctx } = actionContext({ projectId, name: 'price' });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      /\(409\); caused by ConflictError: model "price" exists/,
    );
  });
});
