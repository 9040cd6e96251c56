import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import {
  INITIATOR,
  runAction,
  runRetried,
} from '../__testUtils__/actionContext';
import { exampleSteps } from '../__testUtils__/exampleSteps';
import { createMlModelMonitorCreateAction } from './modelMonitorCreate';
import { modelMonitorCreateExamples } from './modelMonitorCreate.examples';
import { exampleIds } from './stepExample';

const { projectId, modelId, jobId } = exampleIds;

describe('ml:model:monitor:create', () => {
  const api = fakeMlApiPerTest();
  const action = () => createMlModelMonitorCreateAction(api().actionOptions());
  const [{ input }] = exampleSteps(modelMonitorCreateExamples[0]);

  it('creates the monitor as the initiating user and outputs its id and state', async () => {
    const { outputs } = await runAction(action(), input);

    const [request] = api().creations(/\/monitors$/);
    expect(request.path).toBe(
      `/projects/${projectId}/models/${modelId}/monitors`,
    );
    expect(request.body).toEqual({
      name: 'size-drift',
      metric: { kind: 'drift', feature: 'size', statistic: 'psi' },
      threshold: 0.25,
      direction: 'above',
      windowSeconds: 3600,
      minSamples: 100,
      cooldownSeconds: 86400,
      triggerJobId: jobId,
    });
    expect(request.onBehalfOf).toBe(INITIATOR);
    expect(outputs).toEqual({
      monitorId: api().thing(outputs.monitorId as string).id,
      state: 'pending',
    });
  });

  it('a retried task does not create the monitor twice', async () => {
    await runRetried(action(), input);
    expect(api().creations(/\/monitors$/)).toHaveLength(1);
  });

  it("fails with the ML API's reason when it refuses the monitor", async () => {
    api().refuseNext(
      'POST',
      /\/monitors$/,
      400,
      "metric.feature: 'size' is not a declared feature",
    );
    await expect(runAction(action(), input)).rejects.toThrow(
      /InputError: metric.feature: 'size' is not a declared feature/,
    );
  });
});
