import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import { execFile } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { Knex } from 'knex';
import request from 'supertest';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { migratedDatabaseForAll } from '../../__testUtils__/migratedDatabase';
import { ModelStore } from '../ModelStore';
import { sdkPath } from '../__testUtils__/modelServices';
import { FakeModelDirectory } from '../serving/__testUtils__/modelReplicas';
import { AggregateMetric, AggregateMetricStore } from './AggregateMetricStore';
import { MetricPointStore } from './MetricPointStore';
import { MonitoringService } from './MonitoringService';
import { PredictionRecorder } from './PredictionRecorder';
import { PredictionStore } from './PredictionStore';
import { ReplicaUsageStore } from './ReplicaUsageStore';
import { createWorkloadMetricsRouter } from './workloadMetricsRouter';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const PROJECT = '11111111-1111-4111-8111-111111111111';
const OTHER_PROJECT = '22222222-2222-4222-8222-222222222222';
const id = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const MODEL = id(1);
const OTHER_MODEL = id(2);
const DEPLOYMENT = id(11);
// Past 2^31: the times must survive as bigints on Postgres.
const T = 1_790_000_000_000;
const NOW = T + 10_000_000;

/** What the SDK's track_aggregate_metrics answers and refuses, as a script prints it. */
const SDK_CALLS = `
import datetime, json
import ml_platform

result = {}
def attempt(name, call):
    try:
        result[name] = call()
    except ml_platform.MlApiError as error:
        result[name] = error.status
    except TypeError as error:
        result[name] = "TypeError"
start = datetime.datetime.fromtimestamp(${T / 1000 - 60}, datetime.timezone.utc)
attempt("sent", lambda: ml_platform.track_aggregate_metrics(
    {"accuracy": 0.93, "f1": 1}, start, ${T}, model_deployment_crn="${DEPLOYMENT}"))
attempt("backwards", lambda: ml_platform.track_aggregate_metrics({"accuracy": 1}, ${T}, ${
  T - 1
}))
attempt("not_a_time", lambda: ml_platform.track_aggregate_metrics({"accuracy": 1}, "today", ${T}))
attempt("not_a_number", lambda: ml_platform.track_aggregate_metrics({"accuracy": "high"}, 0, ${T}))
print(json.dumps(result))
`;

const value = (fields: Partial<AggregateMetric>): AggregateMetric => ({
  projectId: PROJECT,
  modelId: MODEL,
  name: 'accuracy',
  value: 0.9,
  startMs: T - 3_600_000,
  endMs: T,
  atMs: T,
  ...fields,
});

describe.each(databases.eachSupportedId())(
  'aggregate metrics on %s',
  databaseId => {
    let knex: Knex;
    let store: AggregateMetricStore;
    let recorder: PredictionRecorder;
    let app: express.Express;
    /** The calling workload of the next request (the token check is not under test here). */
    let workload: {
      projectId: string;
      modelId?: string;
      deploymentId?: string;
    };

    migratedDatabaseForAll(databases, databaseId, async created => {
      knex = created;
      store = new AggregateMetricStore(knex);
      const models = new ModelStore(knex);
      for (const [modelId, projectId, name] of [
        [MODEL, PROJECT, 'churn'],
        [OTHER_MODEL, OTHER_PROJECT, 'other'],
      ]) {
        await models.create({
          id: modelId,
          projectId,
          name,
          description: '',
          disableAuthentication: false,
          createdBy: 'user:default/a',
        });
      }
      const directory = new FakeModelDirectory();
      directory.set({
        modelId: MODEL,
        modelName: 'churn',
        projectId: PROJECT,
        projectName: 'demo',
        disableAuthentication: false,
        deploymentId: DEPLOYMENT,
        replicas: [],
      });
      directory.set({
        modelId: OTHER_MODEL,
        modelName: 'other',
        projectId: OTHER_PROJECT,
        projectName: 'other',
        disableAuthentication: false,
        replicas: [],
      });
      const logger = mockServices.logger.mock();
      const predictions = new PredictionStore(knex);
      recorder = new PredictionRecorder(
        { store: predictions, logger },
        { batchSize: 500, flushIntervalMs: 50, maxBuffered: 10_000 },
      );
      const monitoring = new MonitoringService({
        directory,
        predictions,
        points: new MetricPointStore(knex),
        usage: new ReplicaUsageStore(knex),
        aggregates: store,
        recorder,
        now: () => NOW,
      });
      app = express()
        .use(express.json())
        .use(
          createWorkloadMetricsRouter({
            monitoring,
            requireWorkload: (_req, res, next) => {
              res.locals.workload = workload;
              next();
            },
          }),
        )
        .use(
          MiddlewareFactory.create({
            config: mockServices.rootConfig(),
            logger,
          }).error(),
        );
    });

    afterAll(() => recorder?.stop());

    beforeEach(async () => {
      await knex('model_aggregate_metrics').delete();
      workload = { projectId: PROJECT, modelId: MODEL, deploymentId: id(12) };
    });

    const send = (body: object) =>
      request(app).post('/workload-api/v1/aggregate-metrics').send(body);

    it('reads the latest value ending in a window, and how many ended there', async () => {
      await store.insert([
        value({ endMs: T, value: 0.8 }),
        value({ endMs: T + 2000, value: 0.7, atMs: T + 5 }),
        // Sent later for the same window: the newer value wins.
        value({ endMs: T + 2000, value: 0.75, atMs: T + 9 }),
        value({ endMs: T + 5000, value: 0.1 }),
        value({ endMs: T + 1000, name: 'f1', value: 0.5 }),
        value({ endMs: T + 1000, modelId: OTHER_MODEL, value: 0.2 }),
      ]);
      expect(await store.latestIn(MODEL, 'accuracy', T, T + 2000)).toEqual({
        value: 0.75,
        samples: 2,
      });
      // The window's start is exclusive, its end inclusive.
      expect(await store.latestIn(MODEL, 'accuracy', T - 1, T)).toEqual({
        value: 0.8,
        samples: 1,
      });
      expect(
        await store.latestIn(MODEL, 'accuracy', T + 5000, T + 9000),
      ).toEqual({ samples: 0 });
      expect(await store.latestIn(MODEL, 'recall', 0, T + 9000)).toEqual({
        samples: 0,
      });
    });

    it('lists a model’s values for a chart, oldest end first, with bigint times', async () => {
      await store.insert([
        value({ endMs: T + 3000, value: 0.3, deploymentId: DEPLOYMENT }),
        value({ endMs: T + 1000, value: 0.1 }),
        value({ endMs: T + 9000, value: 0.9 }),
        value({ endMs: T + 2000, modelId: OTHER_MODEL }),
      ]);
      expect(await store.list(MODEL, T, T + 3000)).toEqual([
        value({ endMs: T + 1000, value: 0.1 }),
        value({ endMs: T + 3000, value: 0.3, deploymentId: DEPLOYMENT }),
      ]);
    });

    it('stores the values of a window for the calling replica’s own model', async () => {
      const res = await send({
        metrics: { accuracy: 0.93, f1: 0.88 },
        start: T - 3_600_000,
        end: T,
      }).expect(201);
      expect(res.body).toEqual({ accepted: 2 });
      expect(
        (await store.list(MODEL, 0, NOW)).sort((a, b) =>
          a.name.localeCompare(b.name),
        ),
      ).toEqual([
        value({ value: 0.93, deploymentId: id(12), atMs: NOW }),
        value({ name: 'f1', value: 0.88, deploymentId: id(12), atMs: NOW }),
      ]);
    });

    it('stores for a model named by a job of its project, with the deployment given', async () => {
      workload = { projectId: PROJECT };
      await send({
        metrics: { accuracy: 0.5 },
        start: T - 10,
        end: T,
        model: 'churn',
        deploymentId: DEPLOYMENT,
      }).expect(201, { accepted: 1 });
      expect(await store.list(MODEL, 0, NOW)).toEqual([
        value({
          value: 0.5,
          startMs: T - 10,
          deploymentId: DEPLOYMENT,
          atMs: NOW,
        }),
      ]);
    });

    it('refuses a model of another project or none at all, storing nothing', async () => {
      await send({
        metrics: { accuracy: 0.5 },
        start: T - 10,
        end: T,
        model: 'other',
      }).expect(404);
      await send({
        metrics: { accuracy: 0.5 },
        start: T - 10,
        end: T,
        model: OTHER_MODEL,
      }).expect(404);
      workload = { projectId: PROJECT };
      const res = await send({ metrics: { a: 1 }, start: 1, end: 2 }).expect(
        400,
      );
      expect(res.body.error.message).toMatch(/model: required/);
      expect(await store.list(OTHER_MODEL, 0, NOW)).toEqual([]);
      expect(await store.list(MODEL, 0, NOW)).toEqual([]);
    });

    it('is what the SDK’s track_aggregate_metrics calls, as CML’s', async () => {
      const server = app.listen(0);
      try {
        const { port } = server.address() as AddressInfo;
        const { stdout } = await promisify(execFile)(
          'python3',
          ['-c', SDK_CALLS],
          {
            env: {
              PATH: process.env.PATH ?? '',
              PYTHONPATH: sdkPath,
              ML_API_URL: `http://127.0.0.1:${port}`,
              ML_WORKLOAD_TOKEN: 'token-of-the-workload',
            },
          },
        );
        expect(JSON.parse(stdout)).toEqual({
          sent: 2,
          backwards: 400,
          not_a_time: 'TypeError',
          not_a_number: 'TypeError',
        });
      } finally {
        server.close();
      }
      const sent = { startMs: T - 60_000, deploymentId: DEPLOYMENT, atMs: NOW };
      expect(await store.list(MODEL, 0, NOW)).toEqual([
        value({ value: 0.93, ...sent }),
        value({ name: 'f1', value: 1, ...sent }),
      ]);
    });

    it.each([
      [
        'an end before the start',
        { start: T, end: T - 1 },
        /end: must be after start/,
      ],
      ['an empty window', { start: T, end: T }, /end: must be after start/],
      [
        'a start past year 9999',
        { start: 253402300800000, end: 253402300800001 },
        /start/,
      ],
      ['a negative start', { start: -1, end: T }, /start/],
      ['a fractional end', { start: T - 10, end: T + 0.5 }, /end/],
      ['a missing end', { start: T }, /end/],
      ['a date string', { start: '2026-01-01T00:00:00Z', end: T }, /start/],
    ])(
      'refuses %s with 400 and stores nothing',
      async (_what, times, message) => {
        const res = await send({ metrics: { accuracy: 0.5 }, ...times }).expect(
          400,
        );
        expect(res.body.error.message).toMatch(message);
        expect(await store.list(MODEL, 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
      },
    );

    it.each([
      ['no metrics', { metrics: {} }],
      ['a value that is not a number', { metrics: { accuracy: 'high' } }],
      ['an unknown field', { metrics: { a: 1 }, extra: true }],
      [
        'a deployment id that is not a uuid',
        { metrics: { a: 1 }, deploymentId: 'x' },
      ],
    ])('refuses %s with 400', async (_what, body) => {
      await send({ start: T - 10, end: T, ...body }).expect(400);
      expect(await store.list(MODEL, 0, NOW)).toEqual([]);
    });
  },
);
