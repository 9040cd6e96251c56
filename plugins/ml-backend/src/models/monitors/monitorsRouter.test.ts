import request from 'supertest';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { MlTestBackend } from '../../__testUtils__/startMlBackend';
import {
  createProject,
  putProjectFile,
  startPythonBackend,
} from '../../__testUtils__/apiFixtures';
import { ModelEventStore } from '../events/ModelEventStore';
import { MonitorEvaluationStore } from './MonitorEvaluationStore';

jest.setTimeout(90_000);
const databases = createTestDatabases();

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const MONITOR_TABLES = [
  'model_monitors',
  'model_monitor_evaluations',
  'model_events',
];

describe('monitors API', () => {
  let backend: MlTestBackend;
  let base: string;
  let projectId: string;
  let modelId: string;
  let jobId: string;
  let otherJobId: string;

  beforeAll(async () => {
    let runtimeId: string;
    ({ backend, runtimeId } = await startPythonBackend(databases, 'SQLITE_3'));
    const { server } = backend;
    projectId = await createProject(server, 'scoring');
    const otherProject = await createProject(server, 'other');
    const model = await request(server)
      .post(`/api/ml/projects/${projectId}/models`)
      .send({ name: 'churn' })
      .expect(201);
    modelId = model.body.id;
    base = `/api/ml/projects/${projectId}/models/churn`;
    const job = async (project: string) => {
      await putProjectFile(server, project, 'train.py', 'print("trained")\n');
      return request(server)
        .post(`/api/ml/projects/${project}/jobs`)
        .send({
          name: 'retrain',
          script: 'train.py',
          runtimeId,
          profile: 'small',
        })
        .expect(201);
    };
    jobId = (await job(projectId)).body.id;
    otherJobId = (await job(otherProject)).body.id;
  });

  afterAll(() => backend.stop());

  const latency = {
    name: 'latency',
    metric: { kind: 'technical', name: 'p95LatencyMs' },
    threshold: 300,
    direction: 'above',
  };

  it('creates, lists, gets, updates and deletes monitors', async () => {
    const { server } = backend;
    const created = await request(server)
      .post(`${base}/monitors`)
      .send({ ...latency, triggerJobId: jobId })
      .expect(201);
    expect(created.body).toMatchObject({
      projectId,
      modelId,
      name: 'latency',
      metric: { kind: 'technical', name: 'p95LatencyMs' },
      windowSeconds: 3600,
      threshold: 300,
      direction: 'above',
      minSamples: 30,
      cooldownSeconds: 3600,
      triggerJobId: jobId,
      enabled: true,
      state: 'pending',
      createdBy: expect.stringMatching(/^user:/),
    });
    const monitor = `${base}/monitors/${created.body.id}`;
    await request(server)
      .post(`${base}/monitors`)
      .send({
        name: 'accuracy',
        metric: { kind: 'quality', name: 'accuracy' },
        threshold: 0.9,
        direction: 'below',
        windowSeconds: 86400,
      })
      .expect(201);
    const list = await request(server).get(`${base}/monitors`).expect(200);
    expect(list.body.items.map((m: any) => m.name)).toEqual([
      'accuracy',
      'latency',
    ]);
    expect((await request(server).get(monitor).expect(200)).body).toEqual(
      created.body,
    );

    // A change that does not restart it keeps its state and history.
    await backend.knex('model_monitors').where({ id: created.body.id }).update({
      state: 'alerting',
      last_window_end: 1_790_000_000_000,
    });
    const quiet = await request(server)
      .patch(monitor)
      .send({ enabled: false, triggerJobId: null, cooldownSeconds: 60 })
      .expect(200);
    expect(quiet.body).toMatchObject({
      enabled: false,
      state: 'alerting',
      cooldownSeconds: 60,
    });
    expect(quiet.body.triggerJobId).toBeUndefined();
    // The same threshold again is no change either.
    expect(
      (
        await request(server)
          .patch(monitor)
          .send({ threshold: 300 })
          .expect(200)
      ).body.state,
    ).toBe('alerting');
    const restarted = await request(server)
      .patch(monitor)
      .send({ threshold: 250 })
      .expect(200);
    expect(restarted.body).toMatchObject({ state: 'pending', threshold: 250 });
    expect(restarted.body.lastWindowEnd).toBeUndefined();

    await request(server).delete(monitor).expect(204);
    await request(server).get(monitor).expect(404);
  });

  it('pages evaluations and the model history newest first', async () => {
    const { server, knex } = backend;
    const created = await request(server)
      .post(`${base}/monitors`)
      .send({ ...latency, name: 'paged' })
      .expect(201);
    const evaluations = new MonitorEvaluationStore(knex);
    for (let i = 1; i <= 3; i++) {
      await evaluations.claim({
        monitorId: created.body.id,
        windowStartMs: (i - 1) * 3_600_000,
        windowEndMs: i * 3_600_000,
        samples: i,
        state: 'insufficient_data',
        transition: i === 1,
        evaluatedAtMs: i * 3_600_000,
      });
    }
    const first = await request(server)
      .get(`${base}/monitors/${created.body.id}/evaluations?page_size=2`)
      .expect(200);
    expect(first.body.total_size).toBe(3);
    expect(first.body.items.map((e: any) => e.samples)).toEqual([3, 2]);
    const second = await request(server)
      .get(`${base}/monitors/${created.body.id}/evaluations`)
      .query({ page_size: 2, page_token: first.body.next_page_token })
      .expect(200);
    expect(second.body.items.map((e: any) => e.samples)).toEqual([1]);
    expect(second.body.next_page_token).toBeUndefined();

    const events = new ModelEventStore(knex);
    await events.add({
      projectId,
      modelId,
      kind: 'monitor_alerting',
      message: 'older',
      details: { monitorId: created.body.id },
      atMs: 1000,
    });
    await events.add({
      projectId,
      modelId,
      kind: 'retrain_started',
      message: 'newer',
      details: { runId: NO_SUCH_ID },
      atMs: 2000,
    });
    const history = await request(server).get(`${base}/events`).expect(200);
    expect(history.body).toEqual({
      items: [
        {
          id: expect.any(String),
          modelId,
          kind: 'retrain_started',
          message: 'newer',
          details: { runId: NO_SUCH_ID },
          at: new Date(2000).toISOString(),
        },
        expect.objectContaining({ message: 'older' }),
      ],
      total_size: 2,
    });
  });

  it('refuses bad input with 4xx naming the field, changing nothing', async () => {
    const { server } = backend;
    const existing = await request(server)
      .post(`${base}/monitors`)
      .send({ ...latency, name: 'kept' })
      .expect(201);
    const kept = `${base}/monitors/${existing.body.id}`;
    const before = await backend.snapshot(MONITOR_TABLES);
    const create = (fields: object) => () =>
      request(server)
        .post(`${base}/monitors`)
        .send({ ...latency, name: 'new-one', ...fields });

    const cases: Array<[string, () => request.Test, number, RegExp]> = [
      ['bad name', create({ name: 'Not A Name' }), 400, /name/],
      ['missing threshold', create({ threshold: undefined }), 400, /threshold/],
      ['bad direction', create({ direction: 'sideways' }), 400, /direction/],
      ['unknown field', create({ owner: 'me' }), 400, /owner/],
      [
        'unknown quality metric',
        create({ metric: { kind: 'quality', name: 'auc' } }),
        400,
        /metric\.name/,
      ],
      [
        'unknown technical metric',
        create({ metric: { kind: 'technical', name: 'p50LatencyMs' } }),
        400,
        /metric\.name/,
      ],
      [
        'unknown drift statistic',
        create({ metric: { kind: 'drift', feature: 'age', statistic: 'kl' } }),
        400,
        /metric\.statistic/,
      ],
      [
        'drift without feature',
        create({ metric: { kind: 'drift', statistic: 'psi' } }),
        400,
        /metric\.feature/,
      ],
      [
        'field of another kind',
        create({ metric: { kind: 'quality', name: 'mae', statistic: 'psi' } }),
        400,
        /statistic/,
      ],
      [
        'unknown kind',
        create({ metric: { kind: 'vibes' } }),
        400,
        /metric\.kind/,
      ],
      ['window too short', create({ windowSeconds: 59 }), 400, /windowSeconds/],
      ['min samples', create({ minSamples: 0 }), 400, /minSamples/],
      ['cooldown', create({ cooldownSeconds: -1 }), 400, /cooldownSeconds/],
      ['bad job id', create({ triggerJobId: 'x' }), 400, /triggerJobId/],
      [
        'unknown job',
        create({ triggerJobId: NO_SUCH_ID }),
        400,
        /triggerJobId: no job/,
      ],
      [
        "another project's job",
        create({ triggerJobId: otherJobId }),
        400,
        /triggerJobId: no job/,
      ],
      ['duplicate name', create({ name: 'kept' }), 409, /named 'kept'/],
      [
        'empty update',
        () => request(server).patch(kept).send({}),
        400,
        /at least one field/,
      ],
      [
        'update to an unknown job',
        () => request(server).patch(kept).send({ triggerJobId: otherJobId }),
        400,
        /triggerJobId: no job/,
      ],
      [
        'update metric',
        () =>
          request(server)
            .patch(kept)
            .send({ metric: { kind: 'technical', name: 'nope' } }),
        400,
        /metric\.name/,
      ],
      [
        'bad monitor id',
        () => request(server).get(`${base}/monitors/x`),
        400,
        /monitorId/,
      ],
      [
        'unknown monitor',
        () => request(server).get(`${base}/monitors/${NO_SUCH_ID}`),
        404,
        /No monitor/,
      ],
      [
        'unknown monitor update',
        () =>
          request(server)
            .patch(`${base}/monitors/${NO_SUCH_ID}`)
            .send({ threshold: 1 }),
        404,
        /No monitor/,
      ],
      [
        'unknown monitor delete',
        () => request(server).delete(`${base}/monitors/${NO_SUCH_ID}`),
        404,
        /No monitor/,
      ],
      [
        'unknown monitor evaluations',
        () => request(server).get(`${base}/monitors/${NO_SUCH_ID}/evaluations`),
        404,
        /No monitor/,
      ],
      [
        'monitor of another model',
        () =>
          request(server).get(
            `/api/ml/projects/${projectId}/models/ghost/monitors/${existing.body.id}`,
          ),
        404,
        /No model 'ghost'/,
      ],
      [
        'unknown model',
        () =>
          request(server).get(
            `/api/ml/projects/${projectId}/models/ghost/events`,
          ),
        404,
        /No model 'ghost'/,
      ],
      [
        'unknown project',
        () =>
          request(server).get(
            `/api/ml/projects/${NO_SUCH_ID}/models/churn/monitors`,
          ),
        404,
        /project/i,
      ],
      [
        'bad page size',
        () => request(server).get(`${base}/events?page_size=0`),
        400,
        /page_size/,
      ],
      [
        'bad page token',
        () => request(server).get(`${base}/events?page_token=nope`),
        400,
        /page_token/,
      ],
    ];
    for (const [what, send, status, message] of cases) {
      const res = await send();
      expect([what, res.status, res.body.error?.message]).toEqual([
        what,
        status,
        expect.stringMatching(message),
      ]);
    }
    expect(await backend.snapshot(MONITOR_TABLES)).toEqual(before);
  });
});
