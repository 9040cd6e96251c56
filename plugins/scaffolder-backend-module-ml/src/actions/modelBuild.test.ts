import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import {
  CheckpointStore,
  actionContext,
  runAction,
} from '../__testUtils__/actionContext';
import { createMlModelBuildAction } from './modelBuild';
import { predictOfModelPy } from './modelBuild.examples';
import { exampleIds } from './stepExample';

const { projectId, modelId, runtimeId } = exampleIds;
const input = {
  ...predictOfModelPy,
  examples: [{ request: { x: 1 } }],
};

describe('ml:model:build', () => {
  const api = fakeMlApiPerTest();

  const action = () =>
    createMlModelBuildAction({ ml: api().client(), pollIntervalMs: 10 });

  it('starts a build and waits until it is built', async () => {
    const { outputs } = await runAction(action(), input);
    const [request] = api().creations(/\/builds$/);
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

  it('builds a registered version, with or without a model function', async () => {
    const registered = { name: 'flats/price-predictor', version: 2 };
    await runAction(action(), {
      projectId,
      modelId,
      runtimeId,
      registeredModel: registered,
    });
    await runAction(action(), { ...input, registeredModel: registered });
    const [wrapped, withFunction] = api().creations(/\/builds$/);
    expect(wrapped.body).toEqual({
      runtimeId,
      registeredModel: { name: 'flats/price-predictor', version: '2' },
    });
    expect(withFunction.body).toMatchObject({
      filePath: 'model.py',
      functionName: 'predict',
      registeredModel: { name: 'flats/price-predictor', version: '2' },
    });
  });

  it('wants a model function unless it builds a registered version', async () => {
    await expect(
      runAction(action(), { projectId, modelId, runtimeId, filePath: 'm.py' }),
    ).rejects.toThrow(/Give filePath and functionName .* or registeredModel/);
    expect(api().creations(/\/builds$/)).toHaveLength(0);
  });

  it('fails with the reason of a failed build', async () => {
    api().finalStates.build = 'failed';
    await expect(runAction(action(), input)).rejects.toThrow(
      /build 1 of model .* failed: failed/,
    );
  });

  it('a retried task waits for its first build instead of starting another', async () => {
    const checkpoints = new CheckpointStore();
    api().finalStates.build = 'failed';
    api().pendingPolls = 1_000_000;
    const first = actionContext(
      { ...input, timeoutSeconds: 1 },
      { checkpoints },
    );
    await expect(action().handler(first.ctx as any)).rejects.toThrow(
      /still building/,
    );
    api().pendingPolls = 0;
    api().finalStates.build = 'built';
    const second = await runAction(action(), input, { checkpoints });
    expect(api().creations(/\/builds$/)).toHaveLength(1);
    const [saved] = [...first.checkpoints.saved.values()] as Array<{
      id: string;
    }>;
    expect(second.outputs.buildId).toBe(saved.id);
  });
});
