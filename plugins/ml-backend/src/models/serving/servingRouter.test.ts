import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthenticationError } from '@backstage/errors';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { PredictionStore } from '../monitoring/PredictionStore';
import {
  FakeModelDirectory,
  ModelReplicas,
} from './__testUtils__/modelReplicas';
import { ModelGateway } from './ModelGateway';
import { PredictionRecorder } from '../monitoring/PredictionRecorder';
import { ReplicaClient } from './ReplicaClient';
import { createServingRouter } from './servingRouter';

jest.setTimeout(60_000);

const PROJECT = '11111111-1111-4111-8111-111111111111';
const KEY = 'mk_valid_key_for_sum';
const MAX_BODY = 5 * 1024 * 1024;

// At the top level, so that its own afterAll (which closes the databases) runs after ours.
const databases = createTestDatabases();

describe('serving gateway with real model_server replicas', () => {
  const replicas = new ModelReplicas();
  const directory = new FakeModelDirectory();
  let knex: Knex;
  let recorder: PredictionRecorder;
  let gateway: ModelGateway;
  let app: express.Express;

  const target = (modelId: string, name: string, extra: object = {}) => ({
    modelId,
    modelName: name,
    projectId: PROJECT,
    projectName: 'demo',
    disableAuthentication: false,
    deploymentId: `${modelId}-deployment`,
    replicas: [],
    ...extra,
  });

  beforeAll(async () => {
    knex = await migratedDatabase(databases, 'SQLITE_3');
    const [sum0, sum1, slow, fail] = await Promise.all([
      replicas.start('predict', 0),
      replicas.start('predict', 1),
      replicas.start('slow', 0),
      replicas.start('fail', 0),
    ]);
    directory.set(target('sum', 'sum', { replicas: [sum0, sum1] }));
    directory.set(target('slow', 'slow', { replicas: [slow] }));
    directory.set(target('fail', 'fail', { replicas: [fail] }));
    directory.set(
      target('open', 'open', { disableAuthentication: true, replicas: [sum0] }),
    );
    directory.set(
      target('undeployed', 'undeployed', { deploymentId: undefined }),
    );
    directory.keys.set(KEY, 'sum');
    directory.keys.set('mk_slow', 'slow');
    directory.keys.set('mk_fail', 'fail');

    const logger = mockServices.logger.mock();
    recorder = new PredictionRecorder(
      { store: new PredictionStore(knex), logger },
      { batchSize: 500, flushIntervalMs: 50, maxBuffered: 10_000 },
    );
    gateway = new ModelGateway({
      directory,
      client: new ReplicaClient({ timeoutMs: 30_000 }),
      recorder,
      options: { queueTimeoutMs: 300, failureRestMs: 1000 },
    });
    // A portal user who may read every project (access rules: access/*.test.ts).
    const access = {
      readProject: async (req: express.Request) => {
        if (req.headers.authorization !== 'Bearer backstage-user-token') {
          throw new AuthenticationError('Illegal token');
        }
        return {};
      },
    } as any;
    app = express()
      .use(createServingRouter({ gateway, access, maxBodyBytes: MAX_BODY }))
      .use(
        MiddlewareFactory.create({
          config: mockServices.rootConfig(),
          logger,
        }).error(),
      );
  });

  afterAll(async () => {
    gateway?.close();
    await recorder?.stop();
    await replicas.stopAll();
    await knex?.destroy();
  });

  /** A prediction request of a model, with a bearer token if one is given. */
  const predict = (model: string, token?: string) => {
    const pending = request(app).post(
      `/projects/${PROJECT}/models/${model}/predict`,
    );
    return token ? pending.set('Authorization', `Bearer ${token}`) : pending;
  };

  it('answers through the predict route with uuid, replica and timing', async () => {
    const res = await predict('sum', KEY).send({ a: 2, b: 3 }).expect(200);
    expect(res.body).toEqual({
      success: true,
      response: { sum: 5 },
      uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      replica: expect.any(Number),
      timing: { modelMs: expect.any(Number), totalMs: expect.any(Number) },
    });
    expect([0, 1]).toContain(res.body.replica);
  });

  it("answers CML's POST /model with the access key in the body, or as a Bearer token", async () => {
    const res = await request(app)
      .post('/model')
      .send({ accessKey: KEY, request: { a: 1, b: 1 } })
      .expect(200);
    expect(res.body).toMatchObject({ success: true, response: { sum: 2 } });
    const bearer = await request(app)
      .post('/model')
      .set('Authorization', `Bearer ${KEY}`)
      .send({ request: { a: 4, b: 1 } })
      .expect(200);
    expect(bearer.body.response).toEqual({ sum: 5 });
  });

  it('needs a valid key: 401 without one, 403 with a wrong or revoked one', async () => {
    const none = await predict('sum').send({ a: 1, b: 1 }).expect(401);
    expect(none.body.error.message).toMatch(/needs an access key/);
    await predict('sum', 'mk_wrong').send({ a: 1, b: 1 }).expect(403);
    // A key of another model is wrong for this one.
    await predict('sum', 'mk_slow').send({ a: 1, b: 1 }).expect(403);
    await request(app)
      .post('/model')
      .send({ request: { a: 1, b: 1 } })
      .expect(401);
    await request(app)
      .post('/model')
      .send({ accessKey: 'mk_wrong', request: {} })
      .expect(403);

    directory.keys.set('mk_soon_revoked', 'sum');
    await predict('sum', 'mk_soon_revoked').send({ a: 1, b: 1 }).expect(200);
    directory.keys.delete('mk_soon_revoked');
    await predict('sum', 'mk_soon_revoked').send({ a: 1, b: 1 }).expect(403);
    await request(app)
      .post('/model')
      .send({ accessKey: 'mk_soon_revoked', request: { a: 1, b: 1 } })
      .expect(403);
  });

  it('refuses an access key in the query string with 400 naming where it goes, and never logs it', async () => {
    const logger = mockServices.logger.mock();
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    });
    const logged = express()
      .use(middleware.logging())
      .use(
        createServingRouter({
          gateway,
          access: {} as any,
          maxBodyBytes: MAX_BODY,
        }),
      )
      .use(middleware.error());
    const urls = [
      `/projects/${PROJECT}/models/sum/predict?accessKey=${KEY}`,
      `/projects/${PROJECT}/models/sum/predict?x=1&access_key=${KEY}&accessKey=${KEY}`,
      `/projects/${PROJECT}/models/sum/predict?ACCESSKEY=${KEY}`,
      `/projects/${PROJECT}/models/sum/predict?access%4Bey=${KEY}`,
      `/model?accessKey=${KEY}`,
    ];
    for (const url of urls) {
      const res = await request(logged)
        .post(url)
        .set('Authorization', `Bearer ${KEY}`)
        .send({ request: { a: 1, b: 1 } });
      expect([url, res.status]).toEqual([url, 400]);
      expect(res.body.error.message).toContain(
        "send the key as 'Authorization: Bearer <key>'",
      );
      expect(res.body.error.message).toContain(
        '{"accessKey": "<key>", "request": {...}}',
      );
      expect(JSON.stringify(res.body)).not.toContain(KEY);
    }
    const lines = logger.info.mock.calls.map(call => JSON.stringify(call));
    expect(lines).toHaveLength(urls.length);
    expect(lines.join('\n')).not.toContain(KEY);
    expect(lines[0]).toContain('predict?accessKey=REDACTED');
    // Other query parameters of the predict route are refused too; /model ignores them.
    await request(app)
      .post(`/projects/${PROJECT}/models/sum/predict?debug=1`)
      .set('Authorization', `Bearer ${KEY}`)
      .send({ a: 1, b: 1 })
      .expect(400);
    await request(app)
      .post('/model?debug=1')
      .send({ accessKey: KEY, request: { a: 1, b: 1 } })
      .expect(200);
  });

  it('lets a signed-in portal user call without a key, but not a bad token', async () => {
    await predict('sum', 'backstage-user-token')
      .send({ a: 1, b: 2 })
      .expect(200);
    await predict('sum', 'forged').send({ a: 1, b: 2 }).expect(401);
  });

  it('needs no key for a model that disables authentication', async () => {
    const res = await predict('open').send({ a: 5, b: 5 }).expect(200);
    expect(res.body.response).toEqual({ sum: 10 });
  });

  it('refuses a body over 5 MB with 413 and invalid JSON with 400, reaching no replica', async () => {
    const big = JSON.stringify({ a: 1, b: 1, pad: 'x'.repeat(MAX_BODY) });
    const tooLarge = await predict('sum', KEY)
      .set('Content-Type', 'application/json')
      .send(big)
      .expect(413);
    expect(tooLarge.body.error.message).toMatch(/limit/);
    const invalid = await predict('sum', KEY)
      .set('Content-Type', 'application/json')
      .send('{"a": 1,')
      .expect(400);
    expect(invalid.body.error.message).toMatch(/not valid JSON/);
    await request(app)
      .post('/model')
      .set('Content-Type', 'application/json')
      .send('nope')
      .expect(400);
  });

  it('answers 404 for an unknown model and 503 for one without a deployment', async () => {
    await predict('nothing').send({}).expect(404);
    const res = await predict('undeployed')
      .set('Authorization', 'Bearer backstage-user-token')
      .send({})
      .expect(503);
    expect(res.body.error.message).toMatch(/no active deployment/);
  });

  it("answers a model's exception as success false, and the replica keeps serving", async () => {
    const first = await request(app)
      .post('/model')
      .send({ accessKey: 'mk_fail', request: { b: 0 } })
      .expect(200);
    expect(first.body).toMatchObject({
      success: false,
      error: { name: 'ValueError', message: 'b must not be 0' },
      replica: 0,
    });
    const second = await request(app)
      .post('/model')
      .send({ accessKey: 'mk_fail', request: { b: 7 } })
      .expect(200);
    expect(second.body.error.message).toBe('b must not be 7');
  });

  it('queues requests for a busy replica and answers 429 model.busy after the queue timeout', async () => {
    // One replica, each call sleeps 2 s, a request waits at most 300 ms.
    const calls = await Promise.all(
      [0, 1, 2].map(() =>
        request(app)
          .post('/model')
          .send({ accessKey: 'mk_slow', request: { seconds: 2 } }),
      ),
    );
    const statuses = calls.map(c => c.status).sort();
    expect(statuses).toEqual([200, 429, 429]);
    const busy = calls.find(c => c.status === 429)!;
    expect(busy.body.error.name).toBe('model.busy');
    // The replica is free again afterwards.
    await request(app)
      .post('/model')
      .send({ accessKey: 'mk_slow', request: { seconds: 0 } })
      .expect(200);
  });

  it('retries on another replica when one cannot be reached', async () => {
    const live = await replicas.start('predict', 0);
    const dead = await replicas.start('predict', 1);
    replicas.kill(dead);
    await new Promise(resolve => dead.child.once('exit', resolve));
    directory.set(
      target('flaky', 'flaky', {
        disableAuthentication: true,
        replicas: [dead, live],
      }),
    );
    const answers = await Promise.all(
      [1, 2, 3, 4].map(i => predict('flaky').send({ a: i, b: 0 })),
    );
    expect(answers.map(a => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map(a => a.body.replica)).toEqual([0, 0, 0, 0]);
  });

  it('records every prediction with its tracked metrics, off the response path', async () => {
    const res = await predict('sum', KEY).send({ a: 40, b: 2 }).expect(200);
    await recorder.flush();
    const row = await knex('model_predictions')
      .where({ uuid: res.body.uuid })
      .first();
    expect(row).toMatchObject({
      model_id: 'sum',
      deployment_id: 'sum-deployment',
      status: 200,
      replica: res.body.replica,
    });
    expect(Boolean(row.success)).toBe(true);
    const points = await knex('model_metric_points').where({
      prediction_uuid: res.body.uuid,
    });
    expect(points.map((p: any) => [p.kind, p.name, p.value])).toEqual([
      ['tracked', 'input_a', 40],
    ]);

    // Refusals before a model is known are not predictions; busy and failed ones are.
    const failures = await knex('model_predictions').where({
      model_id: 'fail',
    });
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(
      failures.every((f: any) => !f.success && f.error_name === 'ValueError'),
    ).toBe(true);
    const busy = await knex('model_predictions').where({
      model_id: 'slow',
      status: 429,
    });
    expect(busy.length).toBe(2);
  });

  it('passes the prediction uuid to the model (the model decorator answers with it)', async () => {
    const decorated = await replicas.start('decorated', 0);
    directory.set(
      target('decorated', 'decorated', {
        disableAuthentication: true,
        replicas: [decorated],
      }),
    );
    const res = await predict('decorated').send({ a: 21 }).expect(200);
    expect(res.body.response).toEqual({ uuid: res.body.uuid, prediction: 42 });
  });
});
