import { FakeMlApi } from '../__testUtils__/FakeMlApi';
import {
  CheckpointStore,
  INITIATOR,
  actionContext,
} from '../__testUtils__/actionContext';
import { createMlApplicationStartAction } from './applicationStart';

const projectId = '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01';
const runtimeId = '0b7e3d0a-8f6c-4d6e-a1f2-5c3b9e7d4a10';
const input = {
  projectId,
  name: 'Dashboard',
  slug: 'dash',
  script: 'app.py',
  runtimeId,
  profile: 'small',
};

describe('ml:application:start', () => {
  let api: FakeMlApi;
  beforeEach(async () => {
    api = await FakeMlApi.start();
  });
  afterEach(() => api.stop());

  const action = () =>
    createMlApplicationStartAction({
      ml: api.client(),
      pollIntervalMs: 10,
    });
  const starts = () =>
    api.requests.filter(r => r.method === 'POST' && r.path.endsWith('/start'));

  it('creates the application, starts it, waits until it runs and outputs its URL', async () => {
    const { ctx, outputs } = actionContext(input);
    await action().handler(ctx as any);
    const [create] = api.creations(/\/applications$/);
    expect(create.body).toEqual({
      name: 'Dashboard',
      slug: 'dash',
      script: 'app.py',
      runtimeId,
      profile: 'small',
    });
    expect(create.onBehalfOf).toBe(INITIATOR);
    expect(starts()).toHaveLength(1);
    expect(outputs).toEqual({
      appId: expect.any(String),
      state: 'running',
      url: 'https://portal.example.com/api/ml/apps/dash/',
    });
  });

  it('does not start an application that creating already started', async () => {
    api.createStartsApplications = true;
    const { ctx, outputs } = actionContext(input);
    await action().handler(ctx as any);
    expect(starts()).toHaveLength(0);
    expect(outputs.state).toBe('running');
  });

  it('fails when the application ends instead of running', async () => {
    api.finalStates.application = 'failed';
    const { ctx } = actionContext(input);
    await expect(action().handler(ctx as any)).rejects.toThrow(
      /application dash failed/,
    );
  });

  it('a retried task neither creates nor starts the application twice', async () => {
    const checkpoints = new CheckpointStore();
    await action().handler(actionContext(input, { checkpoints }).ctx as any);
    await action().handler(actionContext(input, { checkpoints }).ctx as any);
    expect(api.creations(/\/applications$/)).toHaveLength(1);
    expect(starts()).toHaveLength(1);
  });
});
