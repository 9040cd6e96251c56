import { FakeMlApi } from '../__testUtils__/FakeMlApi';
import { CheckpointStore, actionContext } from '../__testUtils__/actionContext';
import { createMlModelBuildAction } from './modelBuild';

const projectId = '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01';
const modelId = '3a9e1c7b-5d2f-4e8a-9b6c-1d0f2e3a4b50';
const runtimeId = '0b7e3d0a-8f6c-4d6e-a1f2-5c3b9e7d4a10';
const input = {
  projectId,
  modelId,
  filePath: 'model.py',
  functionName: 'predict',
  runtimeId,
  examples: [{ request: { x: 1 } }],
};

describe('ml:model:build', () => {
  let api: FakeMlApi;
  beforeEach(async () => {
    api = await FakeMlApi.start();
  });
  afterEach(() => api.stop());

  const action = () =>
    createMlModelBuildAction({ ml: api.client(), pollIntervalMs: 10 });

  it('starts a build and waits until it is built', async () => {
    const { ctx, outputs } = actionContext(input);
    await action().handler(ctx as any);
    const [request] = api.creations(/\/builds$/);
    expect(request.path).toBe(
      `/projects/${projectId}/models/${modelId}/builds`,
    );
    expect(request.body).toEqual({
      filePath: 'model.py',
      functionName: 'predict',
      runtimeId,
      examples: [{ request: { x: 1 } }],
    });
    expect(outputs).toEqual({
      buildId: expect.any(String),
      buildNumber: 1,
      state: 'built',
    });
  });

  it('fails with the reason of a failed build', async () => {
    api.finalStates.build = 'failed';
    const { ctx } = actionContext(input);
    await expect(action().handler(ctx as any)).rejects.toThrow(
      /build 1 of model .* failed: failed/,
    );
  });

  it('a retried task waits for its first build instead of starting another', async () => {
    const checkpoints = new CheckpointStore();
    api.finalStates.build = 'failed';
    api.pendingPolls = 1_000_000;
    const first = actionContext(
      { ...input, timeoutSeconds: 1 },
      { checkpoints },
    );
    await expect(action().handler(first.ctx as any)).rejects.toThrow(
      /still building/,
    );
    api.pendingPolls = 0;
    api.finalStates.build = 'built';
    const second = actionContext(input, { checkpoints });
    await action().handler(second.ctx as any);
    expect(api.creations(/\/builds$/)).toHaveLength(1);
    const [saved] = [...first.checkpoints.saved.values()] as Array<{
      id: string;
    }>;
    expect(second.outputs.buildId).toBe(saved.id);
  });
});
