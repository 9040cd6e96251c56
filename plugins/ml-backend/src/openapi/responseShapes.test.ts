import request from 'supertest';
import {
  MlTestBackend,
  STANDARD_NODE_GROUP,
  createTestDatabases,
  startMlBackend,
} from '../testUtils';
import { waitFor } from '../__testUtils__/waitFor';
import { PYTHON_RUNTIME } from '../__testUtils__/apiFixtures';
import { ResponseCheck, SpecValidator } from './__testUtils__/specValidator';

/**
 * Proves that the server answers what openapi.yaml describes: a real backend
 * gets a small set of resources through the API, then every described GET
 * (and each write made on the way) is checked against the spec's response
 * schema, closed so that an undescribed field fails too.
 */

jest.setTimeout(120_000);
const databases = createTestDatabases();
const spec = SpecValidator.fromFile();

/** GET operations this test does not check, and why. */
const NOT_CHECKED: Record<string, string> = {
  'GET /projects/{projectId}/files/content': 'answers file bytes',
  'GET /projects/{projectId}/files/archive': 'answers a gzip archive',
  'GET /openapi.yaml': 'answers YAML',
  'GET /workload-api/v1/snapshot': "needs a workload's token",
  'GET /workload-api/v1/metrics': "needs a workload's token",
};

/** How many operations the scenario below checks; it may only grow. */
const MIN_CHECKED = 91;

describe('responses match openapi.yaml', () => {
  let backend: MlTestBackend;
  const checks: ResponseCheck[] = [];

  /** Sends a request under /api/ml and checks its answer against the spec. */
  async function call(
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    url: string,
    body?: object,
    headers: Record<string, string> = {},
  ) {
    let pending = request(backend.server)[method](`/api/ml${url}`);
    for (const [name, value] of Object.entries(headers)) {
      pending = pending.set(name, value);
    }
    if (body !== undefined) pending = pending.send(body);
    const res = await pending;
    const operation = spec.findOperation(method, url);
    if (!operation) {
      throw new Error(`${method.toUpperCase()} ${url} is not described`);
    }
    if (res.status >= 400) {
      throw new Error(
        `${operation.key} answered ${res.status}: ${JSON.stringify(res.body)}`,
      );
    }
    checks.push(
      spec.checkResponse(
        operation,
        res.status,
        res.body,
        res.headers['content-type'],
      ),
    );
    return res;
  }

  const eventually = <T>(
    probe: () => Promise<T | undefined | false>,
    what: string,
  ) => waitFor(probe, what, 60_000);

  beforeAll(async () => {
    backend = await startMlBackend(databases, 'SQLITE_3', {
      config: {
        engine: { reconcileIntervalSeconds: 0.2, cronIntervalSeconds: 3600 },
        serving: { drainSeconds: 0 },
        runtimes: [PYTHON_RUNTIME],
      },
    });
  });

  afterAll(() => backend?.stop());

  it('refuses undescribed fields, missing required ones and wrong types', () => {
    const operation = spec.findOperation('get', '/workspaces/ws')!;
    expect(operation.key).toBe('GET /workspaces/{workspace}');
    const workspace = {
      name: 'ws',
      title: 'ws',
      description: '',
      owner: 'user:default/mock',
      driver: 'local',
      nodeGroups: [{ ...STANDARD_NODE_GROUP, gpu: 0, scaleUpDelaySeconds: 30 }],
      env: { A: '1', B: { secret: true } },
      defaultUserQuota: { cpu: 2, memoryMiB: 8192, gpu: 0 },
      createdAt: '2026-01-31T09:30:00.000Z',
      updatedAt: '2026-01-31T09:30:00.000Z',
    };
    const json = 'application/json; charset=utf-8';
    const problems = (body: unknown, status = 200) =>
      spec.checkResponse(operation, status, body, json).problems;

    expect(problems(workspace)).toEqual([]);
    expect(problems({ ...workspace, extra: 1 })).toEqual([
      "body must NOT have additional properties 'extra'",
    ]);
    const { owner: _owner, ...withoutOwner } = workspace;
    expect(problems(withoutOwner)).toEqual([
      "body must have required property 'owner'",
    ]);
    expect(
      problems({ ...workspace, env: { B: { secret: true, value: 'x' } } }),
    ).not.toEqual([]);
    expect(problems({ ...workspace, createdAt: 'yesterday' })).toEqual([
      'body/createdAt must match format "date-time"',
    ]);
    expect(problems(workspace, 201)).toEqual(['status 201 is not described']);
  });

  it('answers every exercised operation with the described shape', async () => {
    // Workspace, profile, quota and runtimes.
    await call('post', '/workspaces', {
      name: 'ws',
      nodeGroups: [STANDARD_NODE_GROUP],
      env: { LEVEL: 'workspace', TOKEN: { secret: true, value: 's3cr3t' } },
    });
    await call('patch', '/workspaces/ws', { description: 'Shapes' });
    await call('get', '/workspaces');
    await call('get', '/workspaces/ws');
    await call('get', '/workspaces/ws/capacity');
    await call('post', '/workspaces/ws/profiles', {
      name: 'small',
      cpu: 1,
      memoryMiB: 1024,
    });
    await call('patch', '/workspaces/ws/profiles/small', { description: 'S' });
    await call('get', '/workspaces/ws/profiles');
    await call('get', '/workspaces/ws/profiles/small');
    const quota = await call('post', '/workspaces/ws/quotas', {
      subject: 'group:default/risk',
      cpu: 2,
      memoryMiB: 4096,
    });
    await call('patch', `/workspaces/ws/quotas/${quota.body.id}`, { gpu: 0 });
    await call('get', '/workspaces/ws/quotas');
    const runtimes = await call('get', '/runtimes');
    const runtimeId: string = runtimes.body.items[0].id;
    const extra = await call('post', '/runtimes', {
      ...PYTHON_RUNTIME,
      edition: 'Extra',
      image: 'python:3.12',
    });
    await call('patch', `/runtimes/${extra.body.id}`, { enabled: false });
    await call('get', `/runtimes/${runtimeId}`);
    await call('delete', `/runtimes/${extra.body.id}`);

    // A project with a collaborator and files.
    const project = await call('post', '/projects', {
      workspace: 'ws',
      name: 'shapes',
      env: { LEVEL: 'project', KEY: { secret: true, value: 'k' } },
      templateRef: 'template:default/ml-project',
    });
    const p = `/projects/${project.body.id}`;
    await call('patch', p, { title: 'Shapes' });
    await call('get', '/projects');
    await call('get', p);
    const jane = encodeURIComponent('user:default/jane');
    await call('put', `${p}/collaborators/${jane}`, { role: 'viewer' });
    await call('get', `${p}/collaborators`);
    await request(backend.server)
      .put(`/api/ml${p}/files/content?path=train.py`)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from('print("epoch 1")\n'))
      .expect(200);
    await request(backend.server)
      .put(`/api/ml${p}/files/content?path=model.py`)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from('def predict(args):\n    return {"ok": True}\n'))
      .expect(200);
    await call('post', `${p}/files/directories`, { path: 'data' });
    await call('post', `${p}/files/rename`, { from: 'data', to: 'inputs' });
    await call('get', `${p}/files`);
    await call('delete', `${p}/files?path=inputs`);
    await call('get', `${p}/quota`);

    // A job, its run and the run's workload.
    const job = await call('post', `${p}/jobs`, {
      name: 'train',
      script: 'train.py',
      runtimeId,
      profile: 'small',
      env: { LEVEL: 'job' },
      timeoutSeconds: 600,
    });
    const j = `${p}/jobs/${job.body.id}`;
    await call('patch', j, { schedule: '0 2 * * *' });
    const run = await call('post', `${j}/runs`, { args: ['--epochs', '1'] });
    const w = `/workloads/${run.body.id}`;
    await eventually(async () => {
      const res = await request(backend.server).get(`/api/ml${w}`);
      return ['succeeded', 'failed'].includes(res.body.state);
    }, 'the run to end');
    await call('get', `${p}/jobs`);
    await call('get', j);
    await call('get', `${j}/runs`);
    await call('get', w);
    await call('get', `${w}/events`);
    await call('get', `${w}/logs`);
    await call('get', '/cron/next?schedule=0%202%20*%20*%20*&count=2');

    // A session, seen in the queue while it runs.
    const session = await call('post', `${p}/sessions`, {
      runtimeId,
      profile: 'small',
    });
    const s = `${p}/sessions/${session.body.id}`;
    await eventually(async () => {
      const res = await request(backend.server).get(`/api/ml${s}`);
      return res.body.state === 'running';
    }, 'the session to run');
    await call('get', `${p}/sessions`);
    await call('get', s);
    // A cell in the console, so that the transcript has one to describe.
    await eventually(async () => {
      const res = await request(backend.server)
        .post(`/api/ml${s}/execute`)
        .send({ code: 'print(1)' });
      return res.status === 200;
    }, 'the kernel to answer');
    await call('get', `${s}/transcript`);
    await call('get', '/workspaces/ws/queue');
    await call('post', `${s}/stop`);
    const second = await call('post', `${p}/sessions`, {
      runtimeId,
      profile: 'small',
    });
    await call('post', `/workloads/${second.body.id}/stop`);

    // An application, not started.
    await call('get', '/applications/settings');
    const app = await call('post', `${p}/applications`, {
      name: 'Dashboard',
      slug: 'shapes-dashboard',
      script: 'train.py',
      runtimeId,
      profile: 'small',
      start: false,
    });
    const a = `${p}/applications/${app.body.id}`;
    await call('patch', a, { description: 'D' });
    await call('get', `${p}/applications`);
    await call('get', a);

    // A model, built and deployed, with a key, a prediction and metrics.
    await call('post', `${p}/models`, { name: 'doubler', description: 'x2' });
    const m = `${p}/models/doubler`;
    await call('patch', m, { description: 'times two' });
    const build = await call('post', `${m}/builds`, {
      filePath: 'model.py',
      functionName: 'predict',
      runtimeId,
      examples: [{ request: { x: 2 }, response: { ok: true } }],
    });
    const built = await eventually(async () => {
      const res = await request(backend.server).get(
        `/api/ml${m}/builds/${build.body.id}`,
      );
      return !['queued', 'building'].includes(res.body.state) && res.body;
    }, 'the build');
    expect(built.state).toBe('built');
    const deployment = await call('post', `${m}/deployments`, {
      buildId: built.id,
      profile: 'small',
    });
    const d = `${m}/deployments/${deployment.body.id}`;
    await eventually(async () => {
      const res = await request(backend.server).get(`/api/ml${d}`);
      return res.body.state === 'deployed';
    }, 'the deployment');
    const key = await call('post', `${m}/keys`, { name: 'ci' });
    await call(
      'post',
      `${m}/predict`,
      { x: 1 },
      { authorization: `Bearer ${key.body.key}` },
    );
    await call('post', '/model', {
      accessKey: key.body.key,
      request: { x: 1 },
    });
    await call('get', `/projects/${project.body.id}/models`);
    await call('get', m);
    await call('get', `${m}/builds`);
    await call('get', `${m}/builds/${build.body.id}`);
    await call('get', `${m}/deployments`);
    await call('get', d);
    await call('get', `${m}/keys`);
    await call('get', `${m}/lineage`);
    await eventually(async () => {
      const res = await request(backend.server).get(`/api/ml${m}/predictions`);
      return res.body.items?.length === 2;
    }, 'the prediction records');
    await call('get', `${m}/predictions`);
    await call('get', `${m}/metrics`);
    await call('put', `${m}/promotion-policy`, {
      metric: 'rmse',
      better: 'lower',
    });
    await call('get', `${m}/promotion-policy`);
    await call('delete', `${m}/promotion-policy`);
    await call('put', `${m}/monitoring-settings`, {
      task: 'regression',
      predictionMetric: 'prediction',
      truthMetric: 'actual',
      features: [{ name: 'x', type: 'numeric' }],
    });
    await call('get', `${m}/monitoring-settings`);
    await call('post', `${m}/drift-baseline`, {
      source: 'examples',
      buildId: built.id,
    });
    await call('get', `${m}/quality`);
    await call('get', `${m}/drift`);
    const monitor = await call('post', `${m}/monitors`, {
      name: 'x-drift',
      metric: { kind: 'drift', feature: 'x', statistic: 'psi' },
      threshold: 0.2,
      direction: 'above',
    });
    const mon = `${m}/monitors/${monitor.body.id}`;
    await call('patch', mon, { threshold: 0.25 });
    await call('get', `${m}/monitors`);
    await call('get', mon);
    await call('get', `${mon}/evaluations`);
    await call('delete', mon);
    await call('get', `${m}/events`);
    await call('patch', d, { replicas: 1 });
    await call('post', `${d}/stop`);
    await call('delete', `${m}/keys/${key.body.id}`);
    await call('get', '/openapi.json');

    // Deletes, last.
    await call('delete', a);
    await call('delete', m);
    await call('delete', j);
    await call('delete', `${p}/collaborators/${jane}`);
    await call('delete', `/workspaces/ws/quotas/${quota.body.id}`);

    const checked = [...new Set(checks.map(c => c.operation.key))].sort();
    // eslint-disable-next-line no-console
    console.log(
      `Checked ${
        checked.length
      } operations against openapi.yaml:\n${checked.join('\n')}`,
    );
    const problems = checks.flatMap(c =>
      c.problems.map(problem => `${c.operation.key} ${c.status}: ${problem}`),
    );
    expect(problems).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(MIN_CHECKED);

    const uncheckedGets = spec.operations
      .filter(o => o.method === 'GET' && !checked.includes(o.key))
      .map(o => o.key);
    expect(uncheckedGets.sort()).toEqual(Object.keys(NOT_CHECKED).sort());
  });
});
