import request from 'supertest';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { MlTestBackend } from '../../__testUtils__/startMlBackend';
import { waitFor } from '../../__testUtils__/waitFor';
import {
  createProject,
  putProjectFile,
  startPythonBackend,
} from '../../__testUtils__/apiFixtures';

jest.setTimeout(90_000);
const databases = createTestDatabases();

describe("a job's candidate for a model of its project", () => {
  let backend: MlTestBackend;
  let runtimeId: string;
  let projectId: string;
  let base: string;
  let modelId: string;

  beforeAll(async () => {
    ({ backend, runtimeId } = await startPythonBackend(databases, 'SQLITE_3', {
      config: { engine: { cronIntervalSeconds: 3600 } },
    }));
    const { server } = backend;
    projectId = await createProject(server, 'candidates');
    base = `/api/ml/projects/${projectId}/jobs`;
    await putProjectFile(
      server,
      projectId,
      'train.py',
      [
        'import json, os',
        'path = os.environ["ML_CANDIDATE_METRICS_FILE"]',
        'os.makedirs(os.path.dirname(path), exist_ok=True)',
        'json.dump({"rmse": 2.5}, open(path, "w"))',
        'print("metrics at", path)',
      ].join('\n'),
    );
    modelId = (
      await request(server)
        .post(`/api/ml/projects/${projectId}/models`)
        .send({ name: 'churn' })
        .expect(201)
    ).body.id;
    const other = await createProject(server, 'elsewhere');
    await request(server)
      .post(`/api/ml/projects/${other}/models`)
      .send({ name: 'theirs' })
      .expect(201);
  });

  afterAll(() => backend.stop());

  const job = (extra: object = {}) => ({
    name: 'train',
    script: 'train.py',
    runtimeId,
    profile: 'small',
    ...extra,
  });

  it('is kept, shown, changed and removed with the job', async () => {
    const { server } = backend;
    const candidate = { model: 'churn', kind: 'modelVersion' };
    const created = await request(server)
      .post(base)
      .send(job({ candidate }))
      .expect(201);
    expect(created.body.candidate).toEqual(candidate);
    const jobUrl = `${base}/${created.body.id}`;
    expect((await request(server).get(jobUrl).expect(200)).body).toMatchObject({
      candidate,
    });

    const build = {
      model: modelId,
      kind: 'build',
      filePath: 'model.py',
      functionName: 'predict',
    };
    const changed = await request(server)
      .patch(jobUrl)
      .send({ candidate: build })
      .expect(200);
    expect(changed.body.candidate).toEqual(build);
    const listed = await request(server).get(base).expect(200);
    expect(listed.body.items[0].candidate).toEqual(build);

    const removed = await request(server)
      .patch(jobUrl)
      .send({ candidate: null })
      .expect(200);
    expect(removed.body.candidate).toBeUndefined();
    expect(
      (await request(server).get(jobUrl).expect(200)).body.candidate,
    ).toBeUndefined();
    await request(server).delete(jobUrl).expect(204);
  });

  it('refuses a model the project does not have, or a bad candidate, naming the field', async () => {
    const { server } = backend;
    const before = await backend.snapshot(['jobs']);
    const refused = async (candidate: object, message: RegExp) => {
      const res = await request(server)
        .post(base)
        .send(job({ name: 'refused', candidate }))
        .expect(400);
      expect(res.body.error.message).toMatch(message);
    };
    await refused(
      { model: 'nope', kind: 'build' },
      /candidate.model: no model 'nope' in this project/,
    );
    await refused(
      { model: 'theirs', kind: 'build' },
      /candidate.model: no model 'theirs'/,
    );
    await refused({ model: 'churn', kind: 'image' }, /candidate.kind/);
    await refused(
      { model: 'churn', kind: 'build', extra: 1 },
      /Unrecognized key.*extra/i,
    );
    expect(await backend.snapshot(['jobs'])).toEqual(before);

    const created = await request(server).post(base).send(job()).expect(201);
    const res = await request(server)
      .patch(`${base}/${created.body.id}`)
      .send({ candidate: { model: 'theirs', kind: 'modelVersion' } })
      .expect(400);
    expect(res.body.error.message).toMatch(/candidate.model: no model/);
    expect(
      (await request(server).get(`${base}/${created.body.id}`)).body.candidate,
    ).toBeUndefined();
    await request(server).delete(`${base}/${created.body.id}`).expect(204);
  });

  it('tells its runs where to write their metrics, by the run id', async () => {
    const { server } = backend;
    const created = await request(server)
      .post(base)
      .send(job({ candidate: { model: 'churn', kind: 'build' } }))
      .expect(201);
    const run = await request(server)
      .post(`${base}/${created.body.id}/runs`)
      .send({})
      .expect(201);
    const ended = await waitFor(async () => {
      const res = await request(server).get(`/api/ml/workloads/${run.body.id}`);
      return ['succeeded', 'failed'].includes(res.body.state) && res.body;
    }, 'the run to end');
    expect(ended.state).toBe('succeeded');
    const file = `.ml-platform/candidates/${run.body.id}.json`;
    const logs = await request(server)
      .get(`/api/ml/workloads/${run.body.id}/logs`)
      .expect(200);
    expect(logs.body.lines).toContain(`metrics at ${file}`);
    const written = await request(server)
      .get(`/api/ml/projects/${projectId}/files/content`)
      .query({ path: file })
      .buffer(true)
      .parse((res, cb) => {
        let data = '';
        res.on('data', c => (data += c));
        res.on('end', () => cb(null, data));
      })
      .expect(200);
    expect(JSON.parse(written.body)).toEqual({ rmse: 2.5 });
  });
});
