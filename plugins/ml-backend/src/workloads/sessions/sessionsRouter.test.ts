import request from 'supertest';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { MlTestBackend } from '../../__testUtils__/startMlBackend';
import { waitFor } from '../../__testUtils__/waitFor';
import {
  createProject,
  startPythonBackend,
} from '../../__testUtils__/apiFixtures';

jest.setTimeout(90_000);
const databases = createTestDatabases();

function events(text: string) {
  return text
    .trim()
    .split('\n')
    .map(line => JSON.parse(line));
}

describe('sessions API with the local driver', () => {
  let backend: MlTestBackend;
  let base: string;
  let runtimeId: string;

  beforeAll(async () => {
    ({ backend, runtimeId } = await startPythonBackend(databases, 'SQLITE_3'));
    const { server } = backend;
    for (const profile of [
      { name: 'medium', cpu: 2, memoryMiB: 2048 },
      { name: 'large', cpu: 4, memoryMiB: 8192 },
    ]) {
      await request(server)
        .post('/api/ml/workspaces/ws/profiles')
        .send(profile)
        .expect(201);
    }
    base = `/api/ml/projects/${await createProject(server, 'notebook')}`;
  });

  afterAll(() => backend.stop());

  /** Launches a session of the project with a compute profile. */
  const launch = (profile: string) =>
    request(backend.server)
      .post(`${base}/sessions`)
      .send({ runtimeId, profile });

  it('runs code in a console that keeps state between inputs', async () => {
    const { server } = backend;
    const launched = await launch('small').expect(201);
    expect(launched.body).toMatchObject({
      kind: 'session',
      profile: 'small',
      resources: { cpu: 1 },
    });
    const id = launched.body.id;
    await waitFor(
      async () =>
        (await request(server).get(`${base}/sessions/${id}`)).body.state ===
        'running',
      'running',
    );

    const run = async (code: string) => {
      // The kernel may still be binding its port just after the process starts.
      const res = await waitFor(async () => {
        const r = await request(server)
          .post(`${base}/sessions/${id}/execute`)
          .send({ code });
        return r.status === 200 && r;
      }, 'the kernel to answer');
      return events(res.text);
    };
    expect(await run('print(6*7)')).toEqual([
      { stream: 'stdout', text: '42\n' },
      { done: true, error: null },
    ]);
    await run('x = 6 * 7');
    expect((await run('x'))[0]).toEqual({ stream: 'stdout', text: '42\n' });
    const failed = await run('1/0');
    expect(failed[failed.length - 1]).toMatchObject({
      done: true,
      error: { name: 'ZeroDivisionError', message: 'division by zero' },
    });
    expect(
      await run(
        'import os; print(os.environ["ML_PROJECT_NAME"], os.environ["ML_APP_PORT"].isdigit())',
      ),
    ).toEqual([
      { stream: 'stdout', text: 'notebook True\n' },
      { done: true, error: null },
    ]);

    // The transcript keeps what ran, oldest first, for the console to show on return.
    const transcript = await request(server)
      .get(`${base}/sessions/${id}/transcript`)
      .expect(200);
    expect(transcript.body.items.map((c: { code: string }) => c.code)).toEqual([
      'print(6*7)',
      'x = 6 * 7',
      'x',
      '1/0',
      'import os; print(os.environ["ML_PROJECT_NAME"], os.environ["ML_APP_PORT"].isdigit())',
    ]);
    expect(transcript.body.items[0]).toMatchObject({
      output: [{ stream: 'stdout', text: '42\n' }],
      truncated: false,
    });
    expect(transcript.body.items[0].endedAt).toEqual(expect.any(String));
    expect(transcript.body.items[3].error).toMatchObject({
      name: 'ZeroDivisionError',
    });

    const stopped = await request(server)
      .post(`${base}/sessions/${id}/stop`)
      .expect(200);
    expect(stopped.body.state).toBe('stopped');
    const refused = await request(server)
      .post(`${base}/sessions/${id}/execute`)
      .send({ code: 'print(1)' })
      .expect(409);
    expect(refused.body.error.message).toContain('Session is stopped');
  });

  it('queues a session while the quota is in use and says why and where', async () => {
    const { server } = backend;
    // The mock user's default quota is 2 vCPU: with 1 in use, a 2 vCPU session waits.
    const small = await launch('small').expect(201);
    const medium = await launch('medium').expect(201);
    expect(medium.body).toMatchObject({
      state: 'queued',
      queuePosition: 1,
      reason: 'user mock uses 1 of 2 vCPU; this needs 2',
    });
    const queue = await request(server)
      .get('/api/ml/workspaces/ws/queue')
      .expect(200);
    expect(queue.body.queued.map((w: any) => w.id)).toEqual([medium.body.id]);
    expect(queue.body.nodes[0]).toMatchObject({
      group: 'standard',
      ready: true,
      capacity: { cpu: 4 },
    });
    const quota = await request(server).get(`${base}/quota`).expect(200);
    expect(quota.body).toEqual({
      subject: 'user:default/mock',
      limit: { cpu: 2, memoryMiB: 8192, gpu: 0 },
      used: { cpu: 1, memoryMiB: 1024, gpu: 0 },
    });
    await request(server)
      .post(`/api/ml/workloads/${medium.body.id}/stop`)
      .expect(200);
    await request(server)
      .post(`/api/ml/workloads/${small.body.id}/stop`)
      .expect(200);
  });

  it('refuses a session beyond the whole quota, naming the limit, and queues nothing', async () => {
    const before = await backend.snapshot(['workloads']);
    // A 4 vCPU session could never fit the mock user's 2 vCPU in all.
    const res = await request(backend.server)
      .post(`${base}/sessions`)
      .send({ runtimeId, profile: 'large' })
      .expect(400);
    expect(res.body.error.message).toBe(
      'profile: this needs 4 vCPU, more than the whole quota of user mock (2 vCPU), so it could never start',
    );
    expect(await backend.snapshot(['workloads'])).toEqual(before);
  });

  it.each([
    [
      'unknown runtime',
      { runtimeId: '3b241101-e2bb-4255-8caf-4136c566a962', profile: 'small' },
      400,
      'runtimeId:',
    ],
    [
      'unknown profile',
      { runtimeId: 'RUNTIME', profile: 'nope' },
      400,
      "profile: no resource profile 'nope'",
    ],
    ['missing profile', { runtimeId: 'RUNTIME' }, 400, 'profile'],
    [
      'bad env',
      { runtimeId: 'RUNTIME', profile: 'small', env: { '9': 'x' } },
      400,
      'env',
    ],
  ] as const)(
    'refuses %s and changes nothing',
    async (_label, body, status, message) => {
      const before = await backend.snapshot(['workloads']);
      const res = await request(backend.server)
        .post(`${base}/sessions`)
        .send(JSON.parse(JSON.stringify(body).replace('RUNTIME', runtimeId)));
      expect(res.status).toBe(status);
      expect(res.body.error.message).toContain(message);
      expect(await backend.snapshot(['workloads'])).toEqual(before);
    },
  );
});
