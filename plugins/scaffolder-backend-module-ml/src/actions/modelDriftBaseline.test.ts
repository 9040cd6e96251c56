import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import { INITIATOR, runAction } from '../__testUtils__/actionContext';
import { exampleSteps } from '../__testUtils__/exampleSteps';
import { createMlModelDriftBaselineAction } from './modelDriftBaseline';
import { modelDriftBaselineExamples } from './modelDriftBaseline.examples';
import { exampleIds } from './stepExample';

const { projectId, modelId, buildId } = exampleIds;

describe('ml:model:drift-baseline', () => {
  const api = fakeMlApiPerTest();
  const action = () => createMlModelDriftBaselineAction(api().actionOptions());

  it("takes the baseline from a build's dataset and outputs its features", async () => {
    const [{ input }] = exampleSteps(modelDriftBaselineExamples[0]);
    const { outputs } = await runAction(action(), input);

    const [request] = api().creations(/\/drift-baseline$/);
    expect(request.path).toBe(
      `/projects/${projectId}/models/${modelId}/drift-baseline`,
    );
    expect(request.body).toEqual({ source: 'dataset', buildId });
    expect(request.onBehalfOf).toBe(INITIATOR);
    expect(outputs).toEqual({ features: 'size' });
  });

  it("fails with the ML API's reason when the source has no feature", async () => {
    api().refuseNext(
      'POST',
      /\/drift-baseline$/,
      400,
      'source: data/flats.csv has none of the declared features',
    );
    const [{ input }] = exampleSteps(modelDriftBaselineExamples[0]);
    await expect(runAction(action(), input)).rejects.toThrow(
      /has none of the declared features/,
    );
  });
});
