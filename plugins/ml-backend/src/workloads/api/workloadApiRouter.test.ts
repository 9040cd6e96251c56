import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import * as tar from 'tar';
import { SettingsStore } from '../../database';
import { WorkloadTokens } from '../../engine/WorkloadTokens';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { MlTestBackend } from '../../__testUtils__/startMlBackend';
import { waitFor } from '../../__testUtils__/waitFor';
import {
  createProject,
  putProjectFile,
  putProjectFiles,
  startPythonBackend,
} from '../../__testUtils__/apiFixtures';

jest.setTimeout(90_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('workload API on %p', databaseId => {
  let backend: MlTestBackend;
  let projectId: string;
  let tokens: WorkloadTokens;
  let runtimeId: string;

  beforeAll(async () => {
    ({ backend, runtimeId } = await startPythonBackend(databases, databaseId, {
      config: { engine: { cronIntervalSeconds: 3600 } },
    }));
    const { server } = backend;
    projectId = await createProject(server, 'snap');
    await putProjectFiles(server, projectId, {
      'wait.py': 'import time\ntime.sleep(60)\n',
      'data/rows.csv': 'a,b\n1,2\n',
    });
    // The backend keeps the signing key in its database; so does this test.
    tokens = new WorkloadTokens(new SettingsStore(backend.knex));
  });

  afterAll(() => backend.stop());

  async function runningJob() {
    const job = await request(backend.server)
      .post(`/api/ml/projects/${projectId}/jobs`)
      .send({
        name: `wait-${Date.now()}`,
        script: 'wait.py',
        runtimeId,
        profile: 'small',
      })
      .expect(201);
    const run = await request(backend.server)
      .post(`/api/ml/projects/${projectId}/jobs/${job.body.id}/runs`)
      .expect(201);
    return waitFor(async () => {
      const res = await request(backend.server).get(
        `/api/ml/workloads/${run.body.id}`,
      );
      return res.body.state === 'running' && res.body;
    }, 'the job to run');
  }

  it('serves a running workload its files as tar.gz, and nothing after it ends', async () => {
    const run = await runningJob();
    const token = await tokens.issue({
      workloadId: run.id,
      attempt: run.attempt,
    });
    const res = await request(backend.server)
      .get('/api/ml/workload-api/v1/snapshot')
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('Content-Type', 'application/gzip');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-snapshot-'));
    try {
      await fs.writeFile(path.join(dir, 'snapshot.tar.gz'), res.body);
      await fs.mkdir(path.join(dir, 'out'));
      await tar.extract({
        file: path.join(dir, 'snapshot.tar.gz'),
        cwd: path.join(dir, 'out'),
      });
      await expect(
        fs.readFile(path.join(dir, 'out/data/rows.csv'), 'utf8'),
      ).resolves.toBe('a,b\n1,2\n');
      await expect(
        fs.readFile(path.join(dir, 'out/wait.py'), 'utf8'),
      ).resolves.toContain('sleep');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }

    await request(backend.server)
      .post(`/api/ml/workloads/${run.id}/stop`)
      .expect(200);
    const after = await request(backend.server)
      .get('/api/ml/workload-api/v1/snapshot')
      .set('Authorization', `Bearer ${token}`)
      .expect(401);
    expect(after.body.error.message).toMatch(
      /not valid, or its workload has ended/,
    );
  });

  it('refuses callers without a valid workload token', async () => {
    const run = await runningJob();
    const stale = await tokens.issue({
      workloadId: run.id,
      attempt: run.attempt + 1,
    });
    for (const header of [
      undefined,
      'Bearer nonsense',
      `Bearer ${stale}`,
      'Basic abc',
    ]) {
      const req = request(backend.server).get(
        '/api/ml/workload-api/v1/snapshot',
      );
      if (header) req.set('Authorization', header);
      const res = await req.expect(401);
      expect(res.body.error.name).toBe('AuthenticationError');
    }
    await request(backend.server)
      .post(`/api/ml/workloads/${run.id}/stop`)
      .expect(200);
  });

  it('does not let a workload token stand in for a Backstage token', async () => {
    const run = await runningJob();
    const token = await tokens.issue({
      workloadId: run.id,
      attempt: run.attempt,
    });
    await request(backend.server)
      .get('/api/ml/projects')
      .set('Authorization', `Bearer ${token}`)
      .expect(401);
    await request(backend.server)
      .post(`/api/ml/workloads/${run.id}/stop`)
      .expect(200);
  });

  it('gives each workload its token in ML_WORKLOAD_TOKEN', async () => {
    await putProjectFile(
      backend.server,
      projectId,
      'token.py',
      'import os\nprint("token", os.environ["ML_WORKLOAD_TOKEN"])\n',
    );
    const job = await request(backend.server)
      .post(`/api/ml/projects/${projectId}/jobs`)
      .send({ name: 'token', script: 'token.py', runtimeId, profile: 'small' })
      .expect(201);
    const run = (
      await request(backend.server)
        .post(`/api/ml/projects/${projectId}/jobs/${job.body.id}/runs`)
        .expect(201)
    ).body;
    const log = await waitFor(async () => {
      const res = await request(backend.server).get(
        `/api/ml/workloads/${run.id}/logs`,
      );
      return (res.body.lines as string[] | undefined)?.find(line =>
        line.startsWith('token mlw_'),
      );
    }, 'the job to print its token');
    const printed = log.slice('token '.length).trim();
    await expect(tokens.verify(printed)).resolves.toEqual({
      workloadId: run.id,
      attempt: 1,
    });
  });
});
