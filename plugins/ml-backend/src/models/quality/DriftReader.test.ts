import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { migratedDatabaseForAll } from '../../__testUtils__/migratedDatabase';
import { ModelStore } from '../ModelStore';
import { DriftBaselineStore } from './DriftBaselineStore';
import { DriftReader } from './DriftReader';
import { driftOf } from './driftWindows';
import { PredictionInputStore } from './PredictionInputStore';
import { EffectiveSettings } from './qualitySettings';
import { QualityStore } from './QualityStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const PROJECT = '11111111-1111-4111-8111-111111111111';
const MODEL = '22222222-2222-4222-8222-222222222222';
const uuid = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const HOUR = 3_600_000;
// An hour boundary past 2^31, so times must survive as bigints.
const FROM = Math.floor(1_790_000_000_000 / HOUR) * HOUR;
const BASELINE = { Oslo: 6, Rome: 3, Lima: 1 };
// Hour 0: mostly Oslo; hour 1: a new category; hour 2: none.
const CITIES = [
  ['Oslo', 'Oslo', 'Rome', 'Oslo'],
  ['Lima', 'Kyiv', 'Kyiv'],
];

describe.each(databases.eachSupportedId())('DriftReader on %s', databaseId => {
  let reader: DriftReader;
  const settings: EffectiveSettings = {
    modelId: MODEL,
    task: 'regression',
    features: [{ name: 'city', type: 'categorical' }],
    baselineSize: 10,
  };

  migratedDatabaseForAll(databases, databaseId, async (knex: Knex) => {
    await new ModelStore(knex).create({
      id: MODEL,
      projectId: PROJECT,
      name: 'm',
      description: '',
      disableAuthentication: false,
      createdBy: 'user:default/a',
    });
    const inputs = new PredictionInputStore(knex);
    await inputs.insertBatch(
      CITIES.flatMap((cities, hour) =>
        cities.map((city, i) => ({
          modelId: MODEL,
          deploymentId: 'dep-1',
          predictionUuid: uuid(hour * 10 + i),
          atMs: FROM + hour * HOUR + i,
          name: 'city',
          textValue: city,
        })),
      ),
    );
    const baselines = new DriftBaselineStore(knex);
    await baselines.replace([
      {
        modelId: MODEL,
        feature: 'city',
        sample: { type: 'categorical', counts: BASELINE },
        size: 10,
        source: 'a test',
        createdAtMs: FROM,
      },
    ]);
    reader = new DriftReader({
      inputs,
      baselines,
      quality: new QualityStore(knex),
    });
  });

  it('counts categories per window as the values would', async () => {
    const baseline = { type: 'categorical' as const, counts: BASELINE };
    const drift = await reader.drift(MODEL, settings, {
      fromMs: FROM,
      toMs: FROM + 3 * HOUR,
      stepMs: HOUR,
      count: 3,
    });
    expect(drift.features.map(f => f.windows)).toEqual([
      [
        {
          start: new Date(FROM).toISOString(),
          ...driftOf(baseline, CITIES[0]),
        },
        {
          start: new Date(FROM + HOUR).toISOString(),
          ...driftOf(baseline, CITIES[1]),
        },
        { start: new Date(FROM + 2 * HOUR).toISOString(), count: 0 },
      ],
    ]);
    expect(drift.features[0].windows[0].count).toBe(4);

    for (const statistic of ['psi', 'chiSquare', 'ks'] as const) {
      const expected = driftOf(baseline, CITIES[1]);
      expect(
        await reader.read(
          MODEL,
          settings,
          { kind: 'drift', feature: 'city', statistic },
          { startMs: FROM + HOUR, endMs: FROM + 2 * HOUR },
        ),
      ).toEqual({
        value: statistic === 'ks' ? undefined : expected[statistic],
        samples: 3,
      });
    }
  });
});
