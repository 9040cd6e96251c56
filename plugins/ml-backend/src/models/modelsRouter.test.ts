import fs from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { MlTestBackend } from '../__testUtils__/startMlBackend';
import { waitFor } from '../__testUtils__/waitFor';
import { MODEL_TABLES } from '../__testUtils__/tables';
import {
  createProject,
  finishedBuild,
  putProjectFile,
  startPythonBackend,
} from '../__testUtils__/apiFixtures';

jest.setTimeout(90_000);
const databases = createTestDatabases();

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** What a refused request of the models API must leave as it was. */
const MODEL_TABLES_AND_WORK = [...MODEL_TABLES, 'workloads'];

describe('models API', () => {
  let backend: MlTestBackend;
  let base: string;
  let runtimeId: string;
  let projectId: string;

  beforeAll(async () => {
    ({ backend, runtimeId } = await startPythonBackend(databases, 'SQLITE_3', {
      config: { serving: { drainSeconds: 0 } },
    }));
    const { server } = backend;
    projectId = await createProject(server, 'scoring');
    base = `/api/ml/projects/${projectId}/models`;
    await putProjectFile(
      server,
      projectId,
      'model.py',
      'def predict(args):\n    return {"double": args["x"] * 2}\n',
    );
  });

  afterAll(() => backend.stop());

  it('refuses bad input with 4xx naming the field, changing nothing', async () => {
    const { server } = backend;
    await request(server).post(base).send({ name: 'churn' }).expect(201);
    const before = await backend.snapshot(MODEL_TABLES_AND_WORK);

    /** A request to model `churn` (at `subPath` under it), sent when called. */
    const churn =
      (method: 'post' | 'patch' | 'delete', subPath: string, body?: object) =>
      () => {
        const pending = request(server)[method](`${base}/churn${subPath}`);
        return body ? pending.send(body) : pending;
      };
    /** A build of `churn`: predict of model.py unless `fields` say otherwise. */
    const build = (fields: object) =>
      churn('post', '/builds', {
        filePath: 'model.py',
        functionName: 'predict',
        runtimeId,
        ...fields,
      });

    const cases: Array<[string, () => request.Test, number, RegExp]> = [
      [
        'bad name',
        () => request(server).post(base).send({ name: 'Not A Name' }),
        400,
        /name: must use only lowercase/,
      ],
      [
        'unknown field',
        () => request(server).post(base).send({ name: 'x', owner: 'me' }),
        400,
        /Unrecognized key.*owner/i,
      ],
      [
        'duplicate',
        () => request(server).post(base).send({ name: 'churn' }),
        409,
        /already exists/,
      ],
      [
        'no project',
        () =>
          request(server)
            .post(`/api/ml/projects/${NO_SUCH_ID}/models`)
            .send({ name: 'x' }),
        404,
        /No project/,
      ],
      [
        'bad project id',
        () => request(server).get('/api/ml/projects/nope/models'),
        400,
        /projectId/,
      ],
      [
        'unknown model',
        () => request(server).get(`${base}/ghost`),
        404,
        /No model 'ghost'/,
      ],
      [
        'update type',
        churn('patch', '', { disableAuthentication: 'yes' }),
        400,
        /disableAuthentication/,
      ],
      [
        'build without file',
        churn('post', '/builds', { functionName: 'predict', runtimeId }),
        400,
        /filePath/,
      ],
      [
        'build missing file',
        build({ filePath: 'gone.py' }),
        400,
        /filePath: no file 'gone.py'/,
      ],
      [
        'build escaping path',
        build({ filePath: '../x.py' }),
        400,
        /filePath: .*'\.\.'/,
      ],
      [
        'build function name too long',
        build({ functionName: 'f'.repeat(201) }),
        400,
        /functionName: Too big/,
      ],
      [
        'NUL in a model id',
        () => request(server).get(`${base}/a%00b`),
        400,
        /must not contain the NUL character/,
      ],
      [
        'build function name',
        build({ functionName: 'pre dict' }),
        400,
        /functionName: must be a Python function name/,
      ],
      [
        'build examples',
        build({ examples: [{}] }),
        400,
        /examples\[0\]\.request/,
      ],
      ['build env', build({ env: { '1BAD': 'x' } }), 400, /env/],
      [
        'deploy bad build id',
        churn('post', '/deployments', { buildId: 'x', profile: 'small' }),
        400,
        /buildId/,
      ],
      [
        'deploy unknown build',
        churn('post', '/deployments', {
          buildId: NO_SUCH_ID,
          profile: 'small',
        }),
        400,
        /buildId: no build/,
      ],
      [
        'deploy replicas',
        churn('post', '/deployments', {
          buildId: NO_SUCH_ID,
          profile: 'small',
          replicas: 0,
        }),
        400,
        /replicas/,
      ],
      [
        'scale unknown',
        churn('patch', `/deployments/${NO_SUCH_ID}`, { replicas: 2 }),
        404,
        /No deployment/,
      ],
      [
        'scale bad count',
        churn('patch', `/deployments/${NO_SUCH_ID}`, { replicas: 100 }),
        400,
        /replicas/,
      ],
      [
        'revoke unknown key',
        churn('delete', `/keys/${NO_SUCH_ID}`),
        404,
        /No access key/,
      ],
      ['key name', churn('post', '/keys', { name: '' }), 400, /name/],
    ];
    for (const [what, send, status, message] of cases) {
      const res = await send();
      expect([what, res.status, res.body.error?.message]).toEqual([
        what,
        status,
        expect.stringMatching(message),
      ]);
    }
    expect(await backend.snapshot(MODEL_TABLES_AND_WORK)).toEqual(before);
  });

  it('builds, deploys and scales through the API; keys are shown once', async () => {
    const { server } = backend;
    await request(server)
      .post(base)
      .send({ name: 'doubler', description: 'x2' })
      .expect(201);
    const build = await request(server)
      .post(`${base}/doubler/builds`)
      .send({
        filePath: 'model.py',
        functionName: 'predict',
        runtimeId,
        examples: [{ request: { x: 2 }, response: { double: 4 } }],
      })
      .expect(201);
    expect(build.body).toMatchObject({
      number: 1,
      filePath: 'model.py',
      examples: [{ request: { x: 2 } }],
    });
    expect(build.body.profile).toBeUndefined();
    const built = await finishedBuild(
      server,
      `${base}/doubler/builds/${build.body.id}`,
    );
    expect(built.state).toBe('built');
    const logs = await request(server)
      .get(`/api/ml/workloads/${built.workloadId}/logs`)
      .expect(200);
    expect(logs.body.lines.join('\n')).toContain('Build succeeded');

    const deployment = await request(server)
      .post(`${base}/doubler/deployments`)
      .send({ buildId: built.id, profile: 'small' })
      .expect(201);
    expect(deployment.body).toMatchObject({
      state: 'deploying',
      replicas: 1,
      buildNumber: 1,
    });
    const deployed = await waitFor(async () => {
      const res = await request(server)
        .get(`${base}/doubler/deployments/${deployment.body.id}`)
        .expect(200);
      return res.body.state === 'deployed' && res.body;
    }, 'the deployment');
    expect(deployed.replicaStatus).toEqual([
      expect.objectContaining({ index: 0, state: 'running', ready: true }),
    ]);
    const model = await request(server).get(`${base}/doubler`).expect(200);
    expect(model.body.activeDeploymentId).toBe(deployment.body.id);

    const scaled = await request(server)
      .patch(`${base}/doubler/deployments/${deployment.body.id}`)
      .send({ replicas: 2 })
      .expect(200);
    expect(scaled.body).toMatchObject({ replicas: 2, state: 'deploying' });
    await waitFor(async () => {
      const res = await request(server)
        .get(`${base}/doubler/deployments/${deployment.body.id}`)
        .expect(200);
      return (
        res.body.state === 'deployed' &&
        res.body.replicaStatus.filter((r: any) => r.ready).length === 2
      );
    }, 'two replicas');

    const key = await request(server)
      .post(`${base}/doubler/keys`)
      .send({ name: 'ci' })
      .expect(201);
    expect(key.headers['cache-control']).toBe('no-store');
    expect(key.body.key).toMatch(/^mk_[0-9a-f]{40}$/);
    const keys = await request(server).get(`${base}/doubler/keys`).expect(200);
    expect(keys.body.items).toEqual([
      expect.objectContaining({
        id: key.body.id,
        name: 'ci',
        masked: `${key.body.key.slice(0, 7)}…`,
      }),
    ]);
    expect(JSON.stringify(keys.body)).not.toContain(key.body.key);
    await request(server)
      .delete(`${base}/doubler/keys/${key.body.id}`)
      .expect(204);
    expect(
      (await request(server).get(`${base}/doubler/keys`).expect(200)).body
        .items,
    ).toEqual([]);

    const stopped = await request(server)
      .post(`${base}/doubler/deployments/${deployment.body.id}/stop`)
      .expect(200);
    expect(stopped.body).toMatchObject({
      state: 'stopped',
      reason: 'stopped by a user',
    });
    expect(
      (await request(server).get(`${base}/doubler`).expect(200)).body
        .activeDeploymentId,
    ).toBeUndefined();
    await request(server)
      .patch(`${base}/doubler/deployments/${deployment.body.id}`)
      .send({ replicas: 1 })
      .expect(409);
  });

  it('builds past .gitignore lines that are slow or invalid as regular expressions', async () => {
    const { server } = backend;
    const put = (file: string, content: string) =>
      putProjectFile(server, projectId, file, content);
    const long = 'a'.repeat(200);
    await put('.gitignore', '*a*a*a*a*b\n[z-a]\n*.tmp\n');
    await put(long, 'kept');
    await put(`${long}b`, 'left out');
    await put('scratch.tmp', 'left out');
    await request(server).post(base).send({ name: 'patterns' }).expect(201);
    const build = await request(server)
      .post(`${base}/patterns/builds`)
      .send({ filePath: 'model.py', functionName: 'predict', runtimeId })
      .expect(201);
    const snapshot = path.join(backend.storageRoot, 'builds', build.body.id);
    expect((await fs.readdir(snapshot)).sort()).toEqual(
      ['.gitignore', 'README.md', long, 'model.py'].sort(),
    );
    await request(server)
      .delete(`/api/ml/projects/${projectId}/files?path=.gitignore`)
      .expect(204);
  });

  it('deleting the project deletes its models first', async () => {
    const { server } = backend;
    const other = await createProject(server, 'temp');
    await request(server)
      .post(`/api/ml/projects/${other}/models`)
      .send({ name: 'gone' })
      .expect(201);
    await request(server).delete(`/api/ml/projects/${other}`).expect(204);
    expect(await backend.knex('models').where({ project_id: other })).toEqual(
      [],
    );
  });
});
