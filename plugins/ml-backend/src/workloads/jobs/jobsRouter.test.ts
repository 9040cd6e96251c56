import request from 'supertest';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { MlTestBackend } from '../../__testUtils__/startMlBackend';
import { retriedOnceHistory } from '../../__testUtils__/workloadHistory';
import { waitFor } from '../../__testUtils__/waitFor';
import {
  createProject,
  putProjectFile,
  startPythonBackend,
} from '../../__testUtils__/apiFixtures';

jest.setTimeout(90_000);
const databases = createTestDatabases();

describe('jobs API with the local driver', () => {
  let backend: MlTestBackend;
  let base: string;
  let runtimeId: string;
  let projectId: string;

  const put = (path: string, content: string) =>
    putProjectFile(backend.server, projectId, path, content);

  const runUntilEnd = async (runId: string) =>
    waitFor(async () => {
      const res = await request(backend.server).get(
        `/api/ml/workloads/${runId}`,
      );
      return (
        ['succeeded', 'failed', 'timed_out', 'stopped'].includes(
          res.body.state,
        ) && res.body
      );
    }, `run ${runId} to end`);

  beforeAll(async () => {
    ({ backend, runtimeId } = await startPythonBackend(databases, 'SQLITE_3', {
      config: { engine: { cronIntervalSeconds: 3600 } },
      workspace: { env: { LEVEL: 'workspace', WS_ONLY: 'w' } },
    }));
    projectId = await createProject(backend.server, 'pipeline', {
      fields: { env: { LEVEL: 'project', PROJECT_ONLY: 'p' } },
    });
    base = `/api/ml/projects/${projectId}/jobs`;
    await put(
      'train.py',
      [
        'import os, sys, time',
        'print("train", os.environ["LEVEL"], os.environ["WS_ONLY"], os.environ["PROJECT_ONLY"], os.environ.get("JOB_ONLY"), sys.argv[1:])',
        'time.sleep(float(os.environ.get("SLEEP", "0")))',
        'sys.exit(int(os.environ.get("EXIT", "0")))',
      ].join('\n'),
    );
    await put('evaluate.py', 'print("evaluate after train")\n');
  });

  afterAll(() => backend.stop());

  const job = (extra: object = {}) => ({
    name: 'train',
    script: 'train.py',
    runtimeId,
    profile: 'small',
    ...extra,
  });

  /** Creates a job (see `job`) and starts a run of it; answers the run's id. */
  const runNewJob = async (extra: object): Promise<string> => {
    const created = await request(backend.server)
      .post(base)
      .send(job(extra))
      .expect(201);
    return (
      await request(backend.server)
        .post(`${base}/${created.body.id}/runs`)
        .send({})
        .expect(201)
    ).body.id;
  };

  it('runs a job with env precedence workspace < project < job < run and keeps its logs', async () => {
    const { server } = backend;
    const created = await request(server)
      .post(base)
      .send(
        job({ env: { LEVEL: 'job', JOB_ONLY: 'j' }, args: ['--epochs', '2'] }),
      )
      .expect(201);
    const run = await request(server)
      .post(`${base}/${created.body.id}/runs`)
      .send({ env: { LEVEL: 'run' } })
      .expect(201);
    expect(run.body).toMatchObject({
      kind: 'job',
      trigger: 'manual',
      jobId: created.body.id,
      attempt: 1,
    });
    const ended = await runUntilEnd(run.body.id);
    expect(ended).toMatchObject({ state: 'succeeded', exitCode: 0 });
    const logs = await request(server)
      .get(`/api/ml/workloads/${run.body.id}/logs`)
      .expect(200);
    expect(logs.body.lines).toContain("train run w p j ['--epochs', '2']");
    const events = await request(server)
      .get(`/api/ml/workloads/${run.body.id}/events`)
      .expect(200);
    expect(events.body.items.map((e: any) => e.to)).toEqual([
      'queued',
      'starting',
      'running',
      'succeeded',
    ]);
    const runs = await request(server)
      .get(`${base}/${created.body.id}/runs`)
      .expect(200);
    expect(runs.body.items.map((r: any) => r.id)).toEqual([run.body.id]);
  });

  it('refuses a second run while one is active, and stops a run', async () => {
    const { server } = backend;
    const created = await request(server)
      .post(base)
      .send(job({ name: 'slow', env: { SLEEP: '30' } }))
      .expect(201);
    const first = await request(server)
      .post(`${base}/${created.body.id}/runs`)
      .send({})
      .expect(201);
    const second = await request(server)
      .post(`${base}/${created.body.id}/runs`)
      .send({})
      .expect(409);
    expect(second.body.error.message).toContain(
      "Job 'slow' already has an active run",
    );
    await waitFor(
      async () =>
        (
          await request(server).get(`/api/ml/workloads/${first.body.id}`)
        ).body.state === 'running',
      'running',
    );
    const stopped = await request(server)
      .post(`/api/ml/workloads/${first.body.id}/stop`)
      .expect(200);
    expect(stopped.body).toMatchObject({
      state: 'stopped',
      reason: 'stopped by a user',
    });
    await request(server)
      .post(`${base}/${created.body.id}/runs`)
      .send({})
      .expect(201);
  });

  it('runs a dependent job after its parent succeeds, not after it fails', async () => {
    const { server } = backend;
    const parent = await request(server)
      .post(base)
      .send(job({ name: 'parent' }))
      .expect(201);
    const child = await request(server)
      .post(base)
      .send({
        name: 'evaluate',
        script: 'evaluate.py',
        runtimeId,
        profile: 'small',
        parentJobId: parent.body.id,
      })
      .expect(201);
    await request(server)
      .post(`${base}/${parent.body.id}/runs`)
      .send({ env: { EXIT: '2' } })
      .expect(201);
    const failedRun = (
      await request(server).get(`${base}/${parent.body.id}/runs`)
    ).body.items[0];
    expect(await runUntilEnd(failedRun.id)).toMatchObject({
      state: 'failed',
      exitCode: 2,
    });
    expect(
      (await request(server).get(`${base}/${child.body.id}/runs`)).body
        .total_size,
    ).toBe(0);

    const ok = await request(server)
      .post(`${base}/${parent.body.id}/runs`)
      .send({})
      .expect(201);
    await runUntilEnd(ok.body.id);
    const childRun = await waitFor(
      async () =>
        (
          await request(server).get(`${base}/${child.body.id}/runs`)
        ).body.items[0],
      'the dependent run',
    );
    expect(childRun.trigger).toBe('dependency');
    expect(await runUntilEnd(childRun.id)).toMatchObject({
      state: 'succeeded',
    });
  });

  it('retries a failing run with backoff', async () => {
    const { server } = backend;
    const runId = await runNewJob({
      name: 'flaky',
      env: { EXIT: '1' },
      maxRetries: 1,
      retryBackoffSeconds: 0,
    });
    const ended = await runUntilEnd(runId);
    expect(ended).toMatchObject({ state: 'failed', attempt: 2, exitCode: 1 });
    const events = (
      await request(server).get(`/api/ml/workloads/${runId}/events`)
    ).body.items;
    expect(events.map((e: any) => `${e.attempt}:${e.to}`)).toEqual(
      retriedOnceHistory('failed'),
    );
  });

  it('times out a run that runs too long', async () => {
    const runId = await runNewJob({
      name: 'too-slow',
      env: { SLEEP: '30' },
      timeoutSeconds: 1,
    });
    expect(await runUntilEnd(runId)).toMatchObject({
      state: 'timed_out',
      reason: 'ran longer than its timeout of 1 s',
    });
  });

  it('shows the next three cron times and refuses bad jobs, naming the field', async () => {
    const { server } = backend;
    const cron = await request(server)
      .post(base)
      .send(
        job({
          name: 'nightly',
          schedule: '0 2 * * *',
          timezone: 'Europe/Berlin',
        }),
      )
      .expect(201);
    expect(cron.body.nextRuns).toHaveLength(3);
    expect(cron.body.nextRuns[0]).toMatch(/T01:00:00.000Z$/);

    const a = (
      await request(server)
        .post(base)
        .send(job({ name: 'a' }))
        .expect(201)
    ).body.id;
    const b = (
      await request(server)
        .post(base)
        .send(job({ name: 'b', parentJobId: a }))
        .expect(201)
    ).body.id;
    const cases: Array<[string, object, number, string]> = [
      ['post', job({ name: 'x', schedule: '61 * * * *' }), 400, 'schedule:'],
      [
        'post',
        job({ name: 'x', schedule: '* * * * *', timezone: 'Mars/Base' }),
        400,
        'timezone:',
      ],
      // Without a schedule too (one may be added later).
      [
        'post',
        job({ name: 'x', timezone: '../../etc/passwd' }),
        400,
        'timezone:',
      ],
      ['patch', { timezone: 'Mars/Base' }, 400, 'timezone:'],
      [
        'post',
        job({ name: 'x', schedule: '0 * * * *', parentJobId: a }),
        400,
        'not both',
      ],
      [
        'post',
        job({ name: 'x', runtimeId: '3b241101-e2bb-4255-8caf-4136c566a962' }),
        400,
        'runtimeId:',
      ],
      [
        'post',
        job({ name: 'x', profile: 'huge' }),
        400,
        "profile: no resource profile 'huge'",
      ],
      ['post', job({ name: 'x', script: '../../etc/passwd' }), 400, 'script:'],
      [
        'post',
        job({ name: 'x', script: 'missing.py' }),
        400,
        "script: no file 'missing.py'",
      ],
      ['post', job({ name: 'x', timeoutSeconds: -5 }), 400, 'timeoutSeconds'],
      [
        'post',
        job({ name: 'x', parentJobId: '3b241101-e2bb-4255-8caf-4136c566a962' }),
        400,
        'parentJobId:',
      ],
      ['post', job({ name: 'train' }), 409, 'already exists'],
      ['patch', { parentJobId: b }, 400, 'dependency cycle: a → b → a'],
    ];
    // Runs of earlier tests may still be winding down: compare what a job
    // request could change.
    const touched = ['jobs', 'projects', 'workspaces'];
    for (const [method, body, status, message] of cases) {
      const before = await backend.snapshot(touched);
      const url = method === 'patch' ? `${base}/${a}` : base;
      const res = await (request(server) as any)[method](url).send(body);
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status,
        message: expect.stringContaining(message),
      });
      expect(await backend.snapshot(touched)).toEqual(before);
    }
  });

  it('refuses a schedule that never fires on every path that takes one, and lists a stored one', async () => {
    const { server } = backend;
    const never = '0 0 30 2 *';
    const next = await request(server)
      .get(`/api/ml/cron/next?schedule=${encodeURIComponent(never)}`)
      .expect(400);
    expect(next.body.error.message).toContain(
      `schedule: '${never}' never fires`,
    );
    const leap = await request(server).get(
      `/api/ml/cron/next?schedule=${encodeURIComponent('0 0 29 2 *')}&count=2`,
    );
    expect(leap.status).toBe(200);
    expect(leap.body.nextRuns).toHaveLength(2);

    const touched = ['jobs'];
    const before = await backend.snapshot(touched);
    const created = await request(server)
      .post(base)
      .send(job({ name: 'never', schedule: never }))
      .expect(400);
    expect(created.body.error.message).toContain('never fires');
    const existing = (
      await request(server)
        .post(base)
        .send(job({ name: 'monthly', schedule: '0 0 1 * *' }))
        .expect(201)
    ).body.id;
    const afterCreate = await backend.snapshot(touched);
    const updated = await request(server)
      .patch(`${base}/${existing}`)
      .send({ schedule: '0 0 31 4 *' })
      .expect(400);
    expect(updated.body.error.message).toContain('never fires');
    expect(await backend.snapshot(touched)).toEqual(afterCreate);
    expect(before).not.toEqual(afterCreate);

    // A database from before the check may hold such a schedule already.
    await backend
      .knex('jobs')
      .where({ id: existing })
      .update({ schedule: never });
    const list = await request(server).get(base).expect(200);
    expect(list.body.items.find((j: any) => j.id === existing)).toMatchObject({
      schedule: never,
      nextRuns: [],
    });
    await request(server).get(`${base}/${existing}`).expect(200);
    await request(server).delete(`${base}/${existing}`).expect(204);
  });
});
