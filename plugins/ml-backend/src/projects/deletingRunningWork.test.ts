import fs from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { MlTestBackend } from '../__testUtils__/startMlBackend';
import { waitFor } from '../__testUtils__/waitFor';
import {
  createProject,
  createWorkspaceWithProfile,
  putProjectFile,
  startPythonBackend,
  workloadInState,
} from '../__testUtils__/apiFixtures';

jest.setTimeout(90_000);
const databases = createTestDatabases();

const NO_USAGE = { cpu: 0, memoryMiB: 0, gpu: 0 };

const alive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Deleting a project ends its work through the engine: sessions, job runs
 * and apps stop (their processes too), the quota they charged is free again,
 * and nothing of the project starts afterwards.
 */
describe('deleting a project or a workspace with work running in it', () => {
  let backend: MlTestBackend;
  let runtimeId: string;

  beforeAll(async () => {
    ({ backend, runtimeId } = await startPythonBackend(databases, 'SQLITE_3', {
      config: { engine: { cronIntervalSeconds: 3600 } },
      profile: { name: 'small', cpu: 0.5, memoryMiB: 256 },
    }));
  });

  afterAll(() => backend?.stop());

  it('stops its sessions, job runs and apps, and gives their quota back', async () => {
    const { server } = backend;
    const projectId = await createProject(server, 'churn');
    const base = `/api/ml/projects/${projectId}`;
    await request(server)
      .put(`${base}/files/content?path=wait.py`)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from('import time\ntime.sleep(120)\n'))
      .expect(200);
    const job = await request(server)
      .post(`${base}/jobs`)
      .send({ name: 'wait', script: 'wait.py', runtimeId, profile: 'small' })
      .expect(201);
    const run = await request(server)
      .post(`${base}/jobs/${job.body.id}/runs`)
      .send({})
      .expect(201);
    const session = await request(server)
      .post(`${base}/sessions`)
      .send({ runtimeId, profile: 'small' })
      .expect(201);
    const app = await request(server)
      .post(`${base}/applications`)
      .send({
        name: 'Board',
        slug: 'board',
        script: 'wait.py',
        runtimeId,
        profile: 'small',
      })
      .expect(201);
    const started = await request(server)
      .post(`${base}/applications/${app.body.id}/start`)
      .expect(200);
    const ids = [run.body.id, session.body.id, started.body.workloadId];
    for (const id of ids) {
      await workloadInState(server, id, 'running', `workload ${id} to run`);
    }
    // The process groups the local driver started for them.
    const groups: number[] = [];
    for (const id of ids) {
      const file = path.join(
        backend.storageRoot,
        'local-driver',
        'runs',
        `${id}-1.json`,
      );
      const { pgid } = JSON.parse(await fs.readFile(file, 'utf8'));
      groups.push(pgid);
    }
    expect(groups.every(alive)).toBe(true);
    const busy = await request(server).get('/api/ml/workspaces/ws/capacity');
    expect(busy.body.used).toEqual({ cpu: 1.5, memoryMiB: 768, gpu: 0 });

    await request(server).delete(base).expect(204);

    for (const id of ids) {
      const w = (await request(server).get(`/api/ml/workloads/${id}`)).body;
      expect([id, w.state, w.reason]).toEqual([
        id,
        'stopped',
        'its project was deleted',
      ]);
    }
    const free = await request(server).get('/api/ml/workspaces/ws/capacity');
    expect(free.body.used).toEqual(NO_USAGE);
    // The owner's quota in another project of theirs shows nothing in use.
    const other = await createProject(server, 'fraud');
    const quota = await request(server).get(`/api/ml/projects/${other}/quota`);
    expect(quota.body.used).toEqual(NO_USAGE);

    // Nothing is left active, and the processes are gone.
    const active = await backend
      .knex('workloads')
      .whereIn('state', ['queued', 'starting', 'running']);
    expect(active).toEqual([]);
    await waitFor(async () => !groups.some(alive), 'the processes to end');
    // Its jobs and apps went with it (the slug is free again).
    expect(await backend.knex('jobs').where({ project_id: projectId })).toEqual(
      [],
    );
    await putProjectFile(server, other, 'app.py', 'print(1)\n');
    await request(server)
      .post(`/api/ml/projects/${other}/applications`)
      .send({
        name: 'Board',
        slug: 'board',
        script: 'app.py',
        runtimeId,
        profile: 'small',
      })
      .expect(201);
  });

  it('refuses to delete a workspace while work runs in it, saying what runs where', async () => {
    const { server } = backend;
    await createWorkspaceWithProfile(
      server,
      { name: 'small', cpu: 0.5, memoryMiB: 256 },
      { workspace: 'busy' },
    );
    const churn = await createProject(server, 'churn', { workspace: 'busy' });
    const fraud = await createProject(server, 'fraud', { workspace: 'busy' });
    await putProjectFile(
      server,
      fraud,
      'wait.py',
      'import time\ntime.sleep(120)\n',
    );
    for (let i = 0; i < 2; i++) {
      await request(server)
        .post(`/api/ml/projects/${churn}/sessions`)
        .send({ runtimeId, profile: 'small' })
        .expect(201);
    }
    const job = await request(server)
      .post(`/api/ml/projects/${fraud}/jobs`)
      .send({ name: 'wait', script: 'wait.py', runtimeId, profile: 'small' })
      .expect(201);
    await request(server)
      .post(`/api/ml/projects/${fraud}/jobs/${job.body.id}/runs`)
      .send({})
      .expect(201);

    const before = await backend.snapshot(['workspaces', 'projects']);
    const refused = await request(server)
      .delete('/api/ml/workspaces/busy')
      .expect(409);
    expect(refused.body.error.message).toBe(
      "Workspace 'busy' still runs 2 sessions and 1 job run in projects churn, fraud; stop them first",
    );
    expect(await backend.snapshot(['workspaces', 'projects'])).toEqual(before);

    // With the projects (and so their work) gone, it may go.
    await request(server).delete(`/api/ml/projects/${churn}`).expect(204);
    await request(server).delete(`/api/ml/projects/${fraud}`).expect(204);
    // A database may still hold work of a project deleted before projects
    // stopped their work: that blocks the deletion too, named as it ran.
    const [row] = await backend
      .knex('workloads')
      .where({ workspace: 'busy', kind: 'session' })
      .limit(1);
    await backend.knex('workloads').insert({
      ...row,
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      idempotency_key: null,
      // Starting and just updated: the reconciler leaves it alone for a while.
      state: 'starting',
      updated_at: new Date().toISOString(),
      env: JSON.stringify({ ML_PROJECT_NAME: 'legacy' }),
    });
    const orphan = await request(server)
      .delete('/api/ml/workspaces/busy')
      .expect(409);
    expect(orphan.body.error.message).toBe(
      "Workspace 'busy' still runs 1 session in project legacy; stop them first",
    );
    await request(server)
      .post('/api/ml/workloads/3b241101-e2bb-4255-8caf-4136c566a962/stop')
      .expect(200);
    await request(server).delete('/api/ml/workspaces/busy').expect(204);
  });
});
