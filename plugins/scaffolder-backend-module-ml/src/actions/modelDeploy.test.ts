import { FakeMlApi } from '../__testUtils__/FakeMlApi';
import { CheckpointStore, actionContext } from '../__testUtils__/actionContext';
import { createMlModelDeployAction } from './modelDeploy';

const projectId = '6f1c8e52-3c1b-4d0e-9b8a-2f6a1d7c9e01';
const modelId = '3a9e1c7b-5d2f-4e8a-9b6c-1d0f2e3a4b50';
const buildId = '7c4d2e1f-9a8b-4c6d-8e5f-0a1b2c3d4e60';

describe('ml:model:deploy', () => {
  let api: FakeMlApi;
  beforeEach(async () => {
    api = await FakeMlApi.start();
  });
  afterEach(() => api.stop());

  const action = () =>
    createMlModelDeployAction({ ml: api.client(), pollIntervalMs: 10 });
  const polls = () =>
    api.requests.filter(
      r => r.method === 'GET' && r.path.includes('/deployments/'),
    );

  it('deploys, waits for a ready replica and outputs the endpoint URLs', async () => {
    const { ctx, outputs } = actionContext({
      projectId,
      modelId,
      buildId,
      profile: 'small',
      replicas: 2,
    });
    await action().handler(ctx as any);
    const [request] = api.creations(/\/deployments$/);
    expect(request.body).toEqual({ buildId, profile: 'small', replicas: 2 });
    expect(polls()).toHaveLength(api.pendingPolls + 1);
    expect(outputs).toEqual({
      deploymentId: expect.any(String),
      state: 'deployed',
      endpointUrl: `https://portal.example.com/api/ml/projects/${projectId}/models/${modelId}/predict`,
      cmlEndpointUrl: 'https://portal.example.com/api/ml/model',
    });
  });

  it('does not wait when waitForReady is false', async () => {
    const { ctx, outputs } = actionContext({
      projectId,
      modelId,
      buildId,
      profile: 'small',
      waitForReady: false,
    });
    await action().handler(ctx as any);
    expect(polls()).toHaveLength(0);
    expect(outputs.state).toBe('deploying');
  });

  it('fails when the deployment fails', async () => {
    api.finalStates.deployment = 'failed';
    const { ctx } = actionContext({
      projectId,
      modelId,
      buildId,
      profile: 'small',
    });
    await expect(action().handler(ctx as any)).rejects.toThrow(
      /deployment .* failed: failed/,
    );
  });

  it('a retried task does not deploy twice', async () => {
    const checkpoints = new CheckpointStore();
    const input = { projectId, modelId, buildId, profile: 'small' };
    await action().handler(actionContext(input, { checkpoints }).ctx as any);
    await action().handler(actionContext(input, { checkpoints }).ctx as any);
    expect(api.creations(/\/deployments$/)).toHaveLength(1);
  });
});
