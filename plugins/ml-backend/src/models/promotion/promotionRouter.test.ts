import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import {
  MlTestBackend,
  startMlBackend,
} from '../../__testUtils__/startMlBackend';
import { policyServiceFactories } from '../../__testUtils__/testPolicy';
import {
  createProject,
  createWorkspace,
} from '../../__testUtils__/apiFixtures';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const CAROL = 'user:default/carol';
const asUser = (ref: string) => ({
  Authorization: mockCredentials.user.header(ref),
});

describe('promotion policy API', () => {
  let backend: MlTestBackend;
  let projectId: string;
  let policyUrl: string;

  beforeAll(async () => {
    backend = await startMlBackend(databases, 'SQLITE_3', {
      features: policyServiceFactories({ admins: [ALICE] }),
    });
    const { server } = backend;
    await createWorkspace(server, 'ws', { headers: asUser(ALICE) });
    projectId = await createProject(server, 'scoring', {
      headers: asUser(ALICE),
    });
    await request(server)
      .post(`/api/ml/projects/${projectId}/models`)
      .set(asUser(ALICE))
      .send({ name: 'churn' })
      .expect(201);
    policyUrl = `/api/ml/projects/${projectId}/models/churn/promotion-policy`;
    for (const [user, role] of [
      [BOB, 'viewer'],
      [CAROL, 'operator'],
    ]) {
      await request(server)
        .put(
          `/api/ml/projects/${projectId}/collaborators/${encodeURIComponent(
            user,
          )}`,
        )
        .set(asUser(ALICE))
        .send({ role })
        .expect(200);
    }
  });

  afterAll(() => backend.stop());

  const api = (method: 'get' | 'put' | 'delete', as: string, url = policyUrl) =>
    request(backend.server)[method](url).set(asUser(as));

  it('sets a policy with its defaults, reads it, replaces and removes it', async () => {
    await api('get', BOB).expect(204);
    const saved = await api('put', CAROL)
      .send({ metric: 'rmse', better: 'lower' })
      .expect(200);
    expect(saved.body).toEqual({
      modelId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      enabled: true,
      metric: 'rmse',
      source: 'mlflowRun',
      better: 'lower',
      margin: 0,
      updatedBy: CAROL,
      updatedAt: expect.any(String),
    });
    // By id as by name; a viewer reads it.
    const byId = `/api/ml/projects/${projectId}/models/${saved.body.modelId}/promotion-policy`;
    expect((await api('get', BOB, byId).expect(200)).body).toEqual(saved.body);

    const replaced = await api('put', ALICE)
      .send({
        enabled: false,
        metric: 'accuracy',
        source: 'jobOutput',
        better: 'higher',
        margin: 0.01,
      })
      .expect(200);
    expect(replaced.body).toMatchObject({
      enabled: false,
      metric: 'accuracy',
      source: 'jobOutput',
      better: 'higher',
      margin: 0.01,
      updatedBy: ALICE,
    });
    await api('delete', CAROL).expect(204);
    await api('get', BOB).expect(204);
    await api('delete', CAROL).expect(404);
  });

  it('refuses bad input with 400, a viewer with 403, strangers and unknown models with 404', async () => {
    const before = await backend.snapshot(['model_promotion_policies']);
    const bad: Array<[object, RegExp]> = [
      [{ better: 'lower' }, /metric/],
      [{ metric: 'rmse', better: 'smaller' }, /better/],
      [{ metric: 'rmse', better: 'lower', margin: -1 }, /margin/],
      [{ metric: 'rmse', better: 'lower', source: 'trackedMetric' }, /source/],
      [{ metric: 'rmse', better: 'lower', owner: 'me' }, /Unrecognized key/i],
    ];
    for (const [body, message] of bad) {
      const res = await api('put', CAROL).send(body).expect(400);
      expect(res.body.error.message).toMatch(message);
    }
    const valid = { metric: 'rmse', better: 'lower' };
    await api('put', BOB).send(valid).expect(403);
    await api('delete', BOB).expect(403);
    await api('get', 'user:default/stranger').expect(404);
    await api('put', 'user:default/stranger').send(valid).expect(404);
    const unknown = `/api/ml/projects/${projectId}/models/nope/promotion-policy`;
    await api('get', ALICE, unknown).expect(404);
    await api('put', ALICE, unknown).send(valid).expect(404);
    await api('delete', ALICE, unknown).expect(404);
    await api(
      'get',
      ALICE,
      '/api/ml/projects/not-a-uuid/models/churn/promotion-policy',
    ).expect(400);
    expect(await backend.snapshot(['model_promotion_policies'])).toEqual(
      before,
    );
  });
});
