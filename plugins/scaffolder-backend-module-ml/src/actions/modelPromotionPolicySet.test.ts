import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import { INITIATOR, runAction } from '../__testUtils__/actionContext';
import { exampleSteps } from '../__testUtils__/exampleSteps';
import { createMlModelPromotionPolicySetAction } from './modelPromotionPolicySet';
import { modelPromotionPolicySetExamples } from './modelPromotionPolicySet.examples';
import { exampleIds } from './stepExample';

const { projectId, modelId } = exampleIds;

describe('ml:model:promotion-policy:set', () => {
  const api = fakeMlApiPerTest();
  const action = () =>
    createMlModelPromotionPolicySetAction(api().actionOptions());

  it('puts the policy with only the fields given, as the initiating user', async () => {
    const [{ input }] = exampleSteps(modelPromotionPolicySetExamples[1]);
    const { outputs } = await runAction(action(), input);

    const [request] = api().requestsTo('PUT', /\/promotion-policy$/);
    expect(request.path).toBe(
      `/projects/${projectId}/models/${modelId}/promotion-policy`,
    );
    expect(request.body).toEqual({
      metric: 'accuracy',
      better: 'higher',
      source: 'jobOutput',
      margin: 0.01,
    });
    expect(request.onBehalfOf).toBe(INITIATOR);
    expect(outputs).toEqual({ metric: 'accuracy' });
  });

  it("fails with the ML API's reason when it refuses the policy", async () => {
    api().refuseNext('PUT', /\/promotion-policy$/, 403, 'not a contributor');
    const [{ input }] = exampleSteps(modelPromotionPolicySetExamples[0]);
    await expect(runAction(action(), input)).rejects.toThrow(
      /not a contributor/,
    );
  });
});
