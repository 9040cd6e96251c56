import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import { runAction, runRetried } from '../__testUtils__/actionContext';
import { createMlModelDeployAction } from './modelDeploy';
import { exampleIds } from './stepExample';

const { projectId, modelId, buildId } = exampleIds;

describe('ml:model:deploy', () => {
  const api = fakeMlApiPerTest();

  const action = () =>
    createMlModelDeployAction({ ml: api().client(), pollIntervalMs: 10 });
  const polls = () => api().requestsTo('GET', /\/deployments\//);
  const input = { projectId, modelId, buildId, profile: 'small' };

  it('deploys, waits for a ready replica and outputs the endpoint URLs', async () => {
    const { outputs } = await runAction(action(), { ...input, replicas: 2 });
    const [request] = api().creations(/\/deployments$/);
    expect(request.body).toEqual({ buildId, profile: 'small', replicas: 2 });
    expect(polls()).toHaveLength(api().pendingPolls + 1);
    expect(outputs).toEqual({
      deploymentId: expect.any(String),
      state: 'deployed',
      endpointUrl: `https://portal.example.com/api/ml/projects/${projectId}/models/${modelId}/predict`,
      cmlEndpointUrl: 'https://portal.example.com/api/ml/model',
    });
  });

  it('does not wait when waitForReady is false', async () => {
    const { outputs } = await runAction(action(), {
      ...input,
      waitForReady: false,
    });
    expect(polls()).toHaveLength(0);
    expect(outputs.state).toBe('deploying');
  });

  it('fails when the deployment fails', async () => {
    api().finalStates.deployment = 'failed';
    await expect(runAction(action(), input)).rejects.toThrow(
      /deployment .* failed: failed/,
    );
  });

  it('a retried task does not deploy twice', async () => {
    await runRetried(action(), input);
    expect(api().creations(/\/deployments$/)).toHaveLength(1);
  });
});
