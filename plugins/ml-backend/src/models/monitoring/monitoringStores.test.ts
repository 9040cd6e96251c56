import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { migratedDatabaseForAll } from '../../__testUtils__/migratedDatabase';
import { MetricPointStore } from './MetricPointStore';
import { PredictionRow, PredictionStore } from './PredictionStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const PROJECT = '11111111-1111-4111-8111-111111111111';
const uuid = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
// Past 2^31: at_ms must survive as a bigint on Postgres.
const AT = 1_790_000_000_000;

const prediction = (
  n: number,
  extra: Partial<PredictionRow> = {},
): PredictionRow => ({
  uuid: uuid(n),
  projectId: PROJECT,
  modelId: 'model-1',
  deploymentId: 'deployment-1',
  replica: n % 2,
  atMs: AT + n,
  latencyMs: 1.25 + n,
  modelMs: 0.5,
  status: 200,
  success: true,
  metrics: {},
  ...extra,
});

describe.each(databases.eachSupportedId())(
  'monitoring stores on %s',
  databaseId => {
    let knex: Knex;
    let predictions: PredictionStore;
    let points: MetricPointStore;

    migratedDatabaseForAll(databases, databaseId, created => {
      knex = created;
      predictions = new PredictionStore(knex);
      points = new MetricPointStore(knex);
    });

    it('writes a batch of predictions with their tracked metrics, and skips a uuid written before', async () => {
      const batch = [
        prediction(1, { metrics: { input_a: 3, 'odd name, "quoted"': -1.5 } }),
        prediction(2, {
          success: false,
          status: 502,
          errorName: 'model.bad_response',
          modelMs: undefined,
        }),
        prediction(3),
      ];
      await predictions.insertBatch(batch);
      // A retried flush: the same uuids again, with a change that must not land.
      await predictions.insertBatch([
        prediction(1, { latencyMs: 99, metrics: { input_a: 4 } }),
        prediction(4),
      ]);

      expect(await predictions.get(uuid(1))).toEqual({
        uuid: uuid(1),
        projectId: PROJECT,
        modelId: 'model-1',
        deploymentId: 'deployment-1',
        replica: 1,
        atMs: AT + 1,
        latencyMs: 2.25,
        modelMs: 0.5,
        status: 200,
        success: true,
        errorName: undefined,
      });
      expect(await predictions.get(uuid(2))).toMatchObject({
        success: false,
        status: 502,
        errorName: 'model.bad_response',
        modelMs: undefined,
      });
      const listed = await predictions.list({
        modelId: 'model-1',
        limit: 10,
        offset: 0,
      });
      expect(listed.totalSize).toBe(4);
      expect(listed.items.map(p => p.atMs)).toEqual([
        AT + 4,
        AT + 3,
        AT + 2,
        AT + 1,
      ]);

      const tracked = await points.forPredictions([uuid(1)]);
      expect(
        tracked
          .map(p => [p.kind, p.name, p.value, p.atMs, p.deploymentId])
          .sort(),
      ).toEqual(
        [
          ['tracked', 'input_a', 4, AT + 1, 'deployment-1'],
          ['tracked', 'odd name, "quoted"', -1.5, AT + 1, 'deployment-1'],
        ].sort(),
      );
    });

    it('stores points without a prediction, and a delayed metric sent again replaces itself', async () => {
      await points.insert([
        {
          projectId: PROJECT,
          modelId: 'model-2',
          kind: 'tracked',
          name: 'drift',
          value: 0.25,
          atMs: AT,
        },
        {
          projectId: PROJECT,
          modelId: 'model-2',
          kind: 'tracked',
          name: 'drift',
          value: 0.5,
          atMs: AT + 1,
        },
        {
          projectId: PROJECT,
          modelId: 'model-2',
          predictionUuid: uuid(9),
          kind: 'delayed',
          name: 'actual',
          value: 5,
          atMs: AT,
        },
      ]);
      await points.insert([
        {
          projectId: PROJECT,
          modelId: 'model-2',
          predictionUuid: uuid(9),
          kind: 'delayed',
          name: 'actual',
          value: 7,
          atMs: AT,
        },
      ]);
      const all = await points.list({ modelId: 'model-2', limit: 10 });
      expect(all.map(p => [p.name, p.value, p.predictionUuid ?? null])).toEqual(
        [
          ['drift', 0.25, null],
          ['actual', 7, uuid(9)],
          ['drift', 0.5, null],
        ],
      );
      expect(
        await points.series({
          modelId: 'model-2',
          name: 'drift',
          fromMs: AT,
          toMs: AT + 10,
        }),
      ).toEqual([
        { atMs: AT, value: 0.25 },
        { atMs: AT + 1, value: 0.5 },
      ]);
    });
  },
);
