import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { migratedDatabaseForAll } from '../../__testUtils__/migratedDatabase';
import { ModelStore } from '../ModelStore';
import { MetricPointStore } from '../monitoring/MetricPointStore';
import { DriftBaselineStore } from './DriftBaselineStore';
import { MonitoringSettingsStore } from './MonitoringSettingsStore';
import { PredictionInputStore } from './PredictionInputStore';
import { QualityStore } from './QualityStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const PROJECT = '11111111-1111-4111-8111-111111111111';
const MODEL = '22222222-2222-4222-8222-222222222222';
const uuid = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
// Past 2^31: at_ms must survive as a bigint on Postgres.
const AT = 1_790_000_000_000;
const HOUR = 3_600_000;

describe.each(databases.eachSupportedId())(
  'quality stores on %s',
  databaseId => {
    let knex: Knex;
    let settings: MonitoringSettingsStore;
    let inputs: PredictionInputStore;
    let baselines: DriftBaselineStore;
    let quality: QualityStore;
    let points: MetricPointStore;

    migratedDatabaseForAll(databases, databaseId, async created => {
      knex = created;
      settings = new MonitoringSettingsStore(knex);
      inputs = new PredictionInputStore(knex);
      baselines = new DriftBaselineStore(knex);
      quality = new QualityStore(knex);
      points = new MetricPointStore(knex);
      await new ModelStore(knex).create({
        id: MODEL,
        projectId: PROJECT,
        name: 'm',
        description: '',
        disableAuthentication: false,
        createdBy: 'user:default/a',
      });
    });

    it('saves settings, and lineage does not override settings set by hand', async () => {
      expect(await settings.get(MODEL)).toBeUndefined();
      const base = {
        modelId: MODEL,
        task: 'regression' as const,
        predictionMetric: 'prediction',
        truthMetric: 'actual',
        features: [{ name: 'age', type: 'numeric' as const }],
        baselineSize: 100,
        updatedAtMs: AT,
      };
      expect(
        await settings.putUnlessSetByHand({ ...base, source: 'lineage' }),
      ).toBe(true);
      expect(await settings.get(MODEL)).toEqual({ ...base, source: 'lineage' });
      await settings.put({
        ...base,
        task: 'classification',
        truthMetric: undefined,
        source: 'settings',
        updatedAtMs: AT + 1,
      });
      expect(
        await settings.putUnlessSetByHand({ ...base, source: 'lineage' }),
      ).toBe(false);
      expect(await settings.get(MODEL)).toEqual({
        ...base,
        task: 'classification',
        truthMetric: undefined,
        source: 'settings',
        updatedAtMs: AT + 1,
      });
    });

    it('stores inputs and reads a feature in a range and a deployment’s first ones', async () => {
      await inputs.insertBatch(
        [0, 1, 2, 3].flatMap(n => [
          {
            modelId: MODEL,
            deploymentId: n < 2 ? 'dep-1' : 'dep-2',
            predictionUuid: uuid(n),
            atMs: AT + n,
            name: 'age',
            numValue: 20 + n,
          },
          {
            modelId: MODEL,
            deploymentId: n < 2 ? 'dep-1' : 'dep-2',
            predictionUuid: uuid(n),
            atMs: AT + n,
            name: 'city',
            textValue: n % 2 ? 'Oslo' : 'Rome, "old"',
          },
        ]),
      );
      expect(
        await inputs.values({
          modelId: MODEL,
          name: 'age',
          fromMs: AT + 1,
          toMs: AT + 3,
          limit: 10,
        }),
      ).toEqual([
        { atMs: AT + 1, numValue: 21, textValue: undefined },
        { atMs: AT + 2, numValue: 22, textValue: undefined },
      ]);
      expect(
        (
          await inputs.values({
            modelId: MODEL,
            name: 'city',
            deploymentId: 'dep-2',
            fromMs: AT,
            toMs: AT + 10,
            limit: 10,
          })
        ).map(v => v.textValue),
      ).toEqual(['Rome, "old"', 'Oslo']);
      // Counted per window of 2 ms by the database, for categorical drift.
      const counts = await inputs.valueCounts({
        modelId: MODEL,
        name: 'city',
        fromMs: AT,
        toMs: AT + 4,
        stepMs: 2,
      });
      expect(
        counts
          .map(c => [c.atMs - AT, c.textValue, c.count])
          .sort((a, b) => `${a}`.localeCompare(`${b}`)),
      ).toEqual([
        [0, 'Oslo', 1],
        [0, 'Rome, "old"', 1],
        [2, 'Oslo', 1],
        [2, 'Rome, "old"', 1],
      ]);
      expect(
        (await inputs.firstOfDeployment('dep-1', 'age', 1)).map(
          v => v.numValue,
        ),
      ).toEqual([20]);
    });

    it('replaces a feature’s baseline and keeps the others', async () => {
      await baselines.replace([
        {
          modelId: MODEL,
          feature: 'age',
          sample: { type: 'numeric', values: [3, 1, 2] },
          size: 3,
          source: 'first',
          createdAtMs: AT,
        },
        {
          modelId: MODEL,
          feature: 'city',
          sample: { type: 'categorical', counts: { Oslo: 2 } },
          size: 2,
          source: 'first',
          createdAtMs: AT,
        },
      ]);
      await baselines.replace([
        {
          modelId: MODEL,
          feature: 'age',
          sample: { type: 'numeric', values: [9, 8] },
          size: 2,
          source: 'second',
          createdAtMs: AT + 1,
        },
      ]);
      expect(await baselines.list(MODEL)).toEqual([
        {
          modelId: MODEL,
          feature: 'age',
          sample: { type: 'numeric', values: [8, 9] },
          size: 2,
          source: 'second',
          createdAtMs: AT + 1,
        },
        {
          modelId: MODEL,
          feature: 'city',
          sample: { type: 'categorical', counts: { Oslo: 2 } },
          size: 2,
          source: 'first',
          createdAtMs: AT,
        },
      ]);
    });

    it('joins tracked predictions with delayed truth per window in SQL', async () => {
      // Window 0: errors 1 and -2 (truth 2 and 4); window 1: truth 0 only.
      // Prediction 9 has no truth; prediction 8 is of another metric.
      const point = (
        n: number,
        kind: 'tracked' | 'delayed',
        name: string,
        value: number,
        atMs: number,
      ) => ({
        projectId: PROJECT,
        modelId: MODEL,
        deploymentId: 'dep-1',
        predictionUuid: uuid(n),
        kind,
        name,
        value,
        atMs,
      });
      await points.insert([
        point(1, 'tracked', 'prediction', 3, AT),
        point(1, 'delayed', 'actual', 2, AT),
        point(2, 'tracked', 'prediction', 2, AT + 10),
        point(2, 'delayed', 'actual', 4, AT + 10),
        point(3, 'tracked', 'prediction', 1, AT + HOUR),
        point(3, 'delayed', 'actual', 0, AT + HOUR),
        point(9, 'tracked', 'prediction', 5, AT + 20),
        point(8, 'tracked', 'other', 5, AT + 30),
        point(8, 'delayed', 'actual', 5, AT + 30),
      ]);
      const filter = {
        modelId: MODEL,
        predictionMetric: 'prediction',
        truthMetric: 'actual',
        fromMs: AT,
        toMs: AT + 2 * HOUR,
      };
      expect(await quality.regressionWindows(filter, HOUR)).toEqual([
        {
          startMs: AT,
          count: 2,
          sumAbsError: 3,
          sumSquaredError: 5,
          sumAbsPercentError: 1,
          nonZeroTruthCount: 2,
        },
        {
          startMs: AT + HOUR,
          count: 1,
          sumAbsError: 1,
          sumSquaredError: 1,
          sumAbsPercentError: 0,
          nonZeroTruthCount: 0,
        },
      ]);
      expect(
        await quality.labelWindows({ ...filter, toMs: AT + HOUR }, HOUR),
      ).toEqual(
        expect.arrayContaining([
          { startMs: AT, prediction: 3, truth: 2, count: 1 },
          { startMs: AT, prediction: 2, truth: 4, count: 1 },
        ]),
      );
      expect(await quality.pairs(filter, 3)).toEqual([
        { atMs: AT, prediction: 3, truth: 2 },
        { atMs: AT + 10, prediction: 2, truth: 4 },
        { atMs: AT + HOUR, prediction: 1, truth: 0 },
      ]);
      expect(
        await quality.pairs({ ...filter, deploymentId: 'dep-2' }, 0),
      ).toEqual([]);
      expect(
        await quality.trackedValues({
          modelId: MODEL,
          name: 'prediction',
          fromMs: AT,
          toMs: AT + HOUR,
          limit: 10,
        }),
      ).toEqual([
        { atMs: AT, value: 3 },
        { atMs: AT + 10, value: 2 },
        { atMs: AT + 20, value: 5 },
      ]);
      expect(
        await quality.firstTrackedOfDeployment(MODEL, 'dep-1', 'prediction', 2),
      ).toEqual([3, 2]);
    });

    it('spreads pairs evenly when there are more than 500', async () => {
      const many = Array.from({ length: 1200 }, (_, i) => [
        {
          projectId: PROJECT,
          modelId: MODEL,
          deploymentId: 'dep-3',
          predictionUuid: uuid(10_000 + i),
          kind: 'tracked' as const,
          name: 'prediction',
          value: i,
          atMs: AT + 5 * HOUR + i,
        },
        {
          projectId: PROJECT,
          modelId: MODEL,
          deploymentId: 'dep-3',
          predictionUuid: uuid(10_000 + i),
          kind: 'delayed' as const,
          name: 'actual',
          value: i,
          atMs: AT + 5 * HOUR + i,
        },
      ]).flat();
      await points.insert(many);
      const pairs = await quality.pairs(
        {
          modelId: MODEL,
          deploymentId: 'dep-3',
          predictionMetric: 'prediction',
          truthMetric: 'actual',
          fromMs: AT,
          toMs: AT + 10 * HOUR,
        },
        1200,
      );
      // Every third of 1200: 400 pairs, 0, 3, 6, …
      expect(pairs).toHaveLength(400);
      expect(pairs.slice(0, 3).map(p => p.prediction)).toEqual([0, 3, 6]);
    });
  },
);
