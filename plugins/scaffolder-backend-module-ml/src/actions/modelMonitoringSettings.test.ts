import { fakeMlApiPerTest } from '../__testUtils__/fakeMlApiPerTest';
import { INITIATOR, runAction } from '../__testUtils__/actionContext';
import { exampleSteps } from '../__testUtils__/exampleSteps';
import { createMlModelMonitoringSettingsAction } from './modelMonitoringSettings';
import { modelMonitoringSettingsExamples } from './modelMonitoringSettings.examples';
import { exampleIds } from './stepExample';

const { projectId, modelId } = exampleIds;

describe('ml:model:monitoring-settings', () => {
  const api = fakeMlApiPerTest();
  const action = () =>
    createMlModelMonitoringSettingsAction(api().actionOptions());

  it('puts the settings as the initiating user', async () => {
    const [{ input }] = exampleSteps(modelMonitoringSettingsExamples[0]);
    const { outputs } = await runAction(action(), input);

    const [request] = api().requestsTo('PUT', /\/monitoring-settings$/);
    expect(request.path).toBe(
      `/projects/${projectId}/models/${modelId}/monitoring-settings`,
    );
    expect(request.body).toEqual({
      task: 'regression',
      predictionMetric: 'price',
      truthMetric: 'actual_price',
      features: [{ name: 'size', type: 'numeric' }],
      baselineSize: 1000,
    });
    expect(request.onBehalfOf).toBe(INITIATOR);
    expect(outputs).toEqual({ source: 'settings' });
  });

  it('leaves out what is not given, so the ML API applies its defaults', async () => {
    await runAction(action(), { projectId, modelId, task: 'classification' });
    const [request] = api().requestsTo('PUT', /\/monitoring-settings$/);
    expect(request.body).toEqual({ task: 'classification' });
  });
});
