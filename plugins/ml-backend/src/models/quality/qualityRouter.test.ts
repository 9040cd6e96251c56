import request from 'supertest';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { MlTestBackend } from '../../__testUtils__/startMlBackend';
import {
  createProject,
  startPythonBackend,
} from '../../__testUtils__/apiFixtures';
import { MetricPointStore } from '../monitoring/MetricPointStore';
import { DriftBaselineStore } from './DriftBaselineStore';
import { PredictionInputStore } from './PredictionInputStore';

jest.setTimeout(90_000);
const databases = createTestDatabases();

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const QUALITY_TABLES = [
  'model_monitoring_settings',
  'model_drift_baselines',
  'model_prediction_inputs',
];
const uuid = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const FROM = Date.parse('2026-12-01T00:00:00Z');

describe('quality and drift API', () => {
  let backend: MlTestBackend;
  let base: string;
  let projectId: string;
  let modelId: string;

  beforeAll(async () => {
    ({ backend } = await startPythonBackend(databases, 'SQLITE_3'));
    projectId = await createProject(backend.server, 'quality');
    base = `/api/ml/projects/${projectId}/models`;
    const model = await request(backend.server)
      .post(base)
      .send({ name: 'scorer' })
      .expect(201);
    modelId = model.body.id;
  });

  afterAll(() => backend.stop());

  it('answers the defaults for a model never configured', async () => {
    const res = await request(backend.server)
      .get(`${base}/scorer/monitoring-settings`)
      .expect(200);
    expect(res.body).toEqual({
      modelId,
      configured: false,
      task: 'regression',
      predictionMetric: 'prediction',
      truthMetric: 'actual',
      features: [],
      baselineSize: 10000,
      source: 'default',
      baselines: [],
    });
  });

  it('refuses bad input with 400 and unknown models with 404, changing nothing', async () => {
    const { server } = backend;
    const before = await backend.snapshot(QUALITY_TABLES);
    const put = (body: object) =>
      request(server).put(`${base}/scorer/monitoring-settings`).send(body);
    for (const body of [
      {},
      { task: 'ranking' },
      { task: 'regression', baselineSize: 5 },
      { task: 'regression', extra: 1 },
      {
        task: 'regression',
        features: [
          { name: 'a', type: 'numeric' },
          { name: 'a', type: 'categorical' },
        ],
      },
      { task: 'regression', features: [{ name: '', type: 'numeric' }] },
    ]) {
      const res = await put(body).expect(400);
      expect(res.body.error.message).toMatch(/body/);
    }
    for (const body of [
      {},
      { source: 'somewhere' },
      { source: 'predictions', size: 1 },
      { source: 'dataset', buildId: 'not-a-uuid' },
    ]) {
      await request(server)
        .post(`${base}/scorer/drift-baseline`)
        .send(body)
        .expect(400);
    }
    // No active deployment to take predictions from.
    const refused = await request(server)
      .post(`${base}/scorer/drift-baseline`)
      .send({ source: 'predictions' })
      .expect(400);
    expect(refused.body.error.message).toMatch(/no active deployment/);
    await request(server)
      .post(`${base}/scorer/drift-baseline`)
      .send({ source: 'predictions', deploymentId: NO_SUCH_ID })
      .expect(404);
    for (const query of [
      'stepSeconds=0',
      'from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z',
      'from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z&stepSeconds=60',
      'color=red',
    ]) {
      await request(server).get(`${base}/scorer/quality?${query}`).expect(400);
      await request(server).get(`${base}/scorer/drift?${query}`).expect(400);
    }
    for (const path of ['monitoring-settings', 'quality', 'drift']) {
      await request(server).get(`${base}/nope/${path}`).expect(404);
    }
    await request(server)
      .put(`${base}/nope/monitoring-settings`)
      .send({ task: 'regression' })
      .expect(404);
    await request(server)
      .post(`${base}/nope/drift-baseline`)
      .send({ source: 'examples' })
      .expect(404);
    await request(server)
      .get(`/api/ml/projects/${NO_SUCH_ID}/models/scorer/quality`)
      .expect(404);
    expect(await backend.snapshot(QUALITY_TABLES)).toEqual(before);
  });

  it('saves settings and computes quality and drift per window', async () => {
    const { server, knex } = backend;
    const saved = await request(server)
      .put(`${base}/scorer/monitoring-settings`)
      .send({
        task: 'regression',
        predictionMetric: 'prediction',
        truthMetric: 'actual',
        features: [{ name: 'age', type: 'numeric' }],
        baselineSize: 100,
      })
      .expect(200);
    expect(saved.body).toMatchObject({
      configured: true,
      source: 'settings',
      features: [{ name: 'age', type: 'numeric' }],
      baselineSize: 100,
    });

    // Two predictions in the first hour (errors 1 and -2), none in the second.
    const point = (
      n: number,
      kind: 'tracked' | 'delayed',
      name: string,
      value: number,
    ) => ({
      projectId,
      modelId,
      deploymentId: NO_SUCH_ID,
      predictionUuid: uuid(n),
      kind,
      name,
      value,
      atMs: FROM + n,
    });
    await new MetricPointStore(knex).insert([
      point(1, 'tracked', 'prediction', 3),
      point(1, 'delayed', 'actual', 2),
      point(2, 'tracked', 'prediction', 2),
      point(2, 'delayed', 'actual', 4),
    ]);
    await new PredictionInputStore(knex).insertBatch(
      [1, 2].map(n => ({
        modelId,
        deploymentId: NO_SUCH_ID,
        predictionUuid: uuid(n),
        atMs: FROM + n,
        name: 'age',
        numValue: 100 + n,
      })),
    );
    await new DriftBaselineStore(knex).replace([
      {
        modelId,
        feature: 'age',
        sample: { type: 'numeric', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
        size: 10,
        source: 'a test',
        createdAtMs: FROM,
      },
    ]);
    const range = `from=2026-12-01T00:00:00Z&to=2026-12-01T02:00:00Z`;

    const quality = await request(server)
      .get(`${base}/scorer/quality?${range}`)
      .expect(200);
    expect(quality.body).toMatchObject({
      stepSeconds: 3600,
      configured: true,
      task: 'regression',
      aggregates: [],
      pairs: [
        { at: new Date(FROM + 1).toISOString(), prediction: 3, truth: 2 },
        { at: new Date(FROM + 2).toISOString(), prediction: 2, truth: 4 },
      ],
    });
    expect(quality.body.windows).toEqual([
      {
        start: '2026-12-01T00:00:00.000Z',
        count: 2,
        mae: 1.5,
        rmse: Math.sqrt(2.5),
        mape: 50,
      },
      { start: '2026-12-01T01:00:00.000Z', count: 0 },
    ]);

    const drift = await request(server)
      .get(`${base}/scorer/drift?${range}`)
      .expect(200);
    const [age, prediction] = drift.body.features;
    expect(age).toMatchObject({
      feature: 'age',
      type: 'numeric',
      baseline: { feature: 'age', size: 10, source: 'a test' },
    });
    // Both values lie above every baseline value.
    expect(age.windows[0]).toMatchObject({ count: 2, ks: 1 });
    expect(age.windows[0].psi).toBeGreaterThan(1);
    expect(age.windows[1]).toEqual({
      start: '2026-12-01T01:00:00.000Z',
      count: 0,
    });
    // The prediction has no baseline yet: no windows.
    expect(prediction).toEqual({
      feature: '$prediction',
      type: 'numeric',
      windows: [],
    });

    const settings = await request(server)
      .get(`${base}/${modelId}/monitoring-settings`)
      .expect(200);
    expect(settings.body.baselines).toEqual([
      {
        feature: 'age',
        type: 'numeric',
        size: 10,
        source: 'a test',
        createdAt: new Date(FROM).toISOString(),
      },
    ]);
  });
});
