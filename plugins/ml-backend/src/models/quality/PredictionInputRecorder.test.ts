import { mockServices } from '@backstage/backend-test-utils';
import { MonitoredFeature } from '@ml-platform/plugin-ml-common';
import { PredictionInputRecorder } from './PredictionInputRecorder';
import { PredictionInput } from './PredictionInputStore';

const call = (n: number, modelId = 'model-1') => ({
  modelId,
  deploymentId: 'dep-1',
  uuid: `uuid-${n}`,
  atMs: 1000 + n,
});

function recorder(features: Record<string, MonitoredFeature[]>) {
  const written: PredictionInput[] = [];
  const featuresOf = jest.fn(
    async (modelId: string) => features[modelId] ?? [],
  );
  let now = 0;
  const rec = new PredictionInputRecorder({
    featuresOf,
    store: {
      insertBatch: async batch => {
        written.push(...batch);
      },
    },
    logger: mockServices.logger.mock(),
    now: () => now,
  });
  return { rec, written, featuresOf, advance: (ms: number) => (now += ms) };
}

describe('PredictionInputRecorder', () => {
  it('records declared top-level fields: numbers, and strings up to 200 characters', async () => {
    const { rec, written } = recorder({
      'model-1': [
        { name: 'age', type: 'numeric' },
        { name: 'city', type: 'categorical' },
        { name: 'tags', type: 'categorical' },
        { name: 'long', type: 'categorical' },
      ],
    });
    rec.capture(call(1), {
      age: 42,
      city: 'Oslo',
      tags: ['a'],
      long: 'x'.repeat(201),
      other: 5,
    });
    rec.capture(call(2), 'not an object');
    await rec.flush();
    expect(written).toEqual([
      {
        modelId: 'model-1',
        deploymentId: 'dep-1',
        predictionUuid: 'uuid-1',
        atMs: 1001,
        name: 'age',
        numValue: 42,
      },
      {
        modelId: 'model-1',
        deploymentId: 'dep-1',
        predictionUuid: 'uuid-1',
        atMs: 1001,
        name: 'city',
        textValue: 'Oslo',
      },
    ]);
  });

  it('reads a model’s features once for a few seconds, and again after forget', async () => {
    const { rec, written, featuresOf, advance } = recorder({
      'model-1': [{ name: 'age', type: 'numeric' }],
    });
    rec.capture(call(1), { age: 1 });
    rec.capture(call(2), { age: 2 });
    await rec.flush();
    rec.capture(call(3), { age: 3 });
    rec.capture(call(4, 'model-2'), { age: 4 });
    await rec.flush();
    expect(featuresOf.mock.calls).toEqual([['model-1'], ['model-2']]);
    advance(6000);
    rec.capture(call(5), { age: 5 });
    rec.forget('model-2');
    rec.capture(call(6, 'model-2'), { age: 6 });
    await rec.stop();
    expect(featuresOf).toHaveBeenCalledTimes(4);
    expect(written.map(w => w.numValue)).toEqual([1, 2, 3, 5]);
  });
});
