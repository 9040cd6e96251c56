import { createHash, randomBytes } from 'node:crypto';
import { mockCredentials } from '@backstage/backend-test-utils';
import path from 'node:path';
import request from 'supertest';
import {
  CapturingLogger,
  capturingLoggerFactory,
} from '../__testUtils__/capturingLogger';
import { databaseText, filesText } from '../__testUtils__/leakScan';
import {
  MlTestBackend,
  STANDARD_NODE_GROUP,
  startMlBackend,
} from '../__testUtils__/startMlBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { waitFor } from '../__testUtils__/waitFor';
import { PYTHON_RUNTIME } from '../__testUtils__/apiFixtures';

jest.setTimeout(180_000);
const databases = createTestDatabases();

/** Secret values, one per level; random so that nothing else can contain them. */
const S = Object.fromEntries(
  [
    'WS',
    'PROJECT',
    'SHADOWED',
    'JOB',
    'RUN',
    'APP',
    'BUILD',
    'BUILD_ONLY',
    'DEPLOY',
    'SESSION',
  ].map(level => [
    level,
    `s3cret-${level.toLowerCase()}-${randomBytes(6).toString('hex')}`,
  ]),
);
const secret = (value: string) => ({ secret: true, value });
const masked = { secret: true };
const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');

/** Prints a hash of each named variable: a test may compare it, and the log never holds the value. */
const CHECK_PY = `import hashlib, os, sys
for name in sys.argv[1:]:
    value = os.environ.get(name)
    print("HASH", name, hashlib.sha256(value.encode()).hexdigest() if value is not None else "missing")
`;
const MODEL_PY = `import hashlib, os

def predict(args):
    return {name: hashlib.sha256(os.environ.get(name, "missing").encode()).hexdigest() for name in args["names"]}
`;

describe.each(databases.eachSupportedId())(
  'secret env vars through the plugin on %p',
  databaseId => {
    let backend: MlTestBackend;
    const logger = new CapturingLogger();
    let projectId: string;
    let runtimeId: string;
    /** The bodies of every read, to search for secret values. */
    const reads: unknown[] = [];

    const api = (method: 'get' | 'post' | 'put' | 'patch', url: string) =>
      request(backend.server)[method](`/api/ml${url}`);
    const read = async (url: string) => {
      const body = (await api('get', url).expect(200)).body;
      reads.push(body);
      return body;
    };
    const hashesOf = async (workloadId: string) => {
      const lines: string[] = (await read(`/workloads/${workloadId}/logs`))
        .lines;
      return Object.fromEntries(
        lines
          .filter(l => l.startsWith('HASH '))
          .map(l => l.split(' ').slice(1)),
      );
    };
    const ended = (workloadId: string) =>
      waitFor(
        async () => {
          const w = await read(`/workloads/${workloadId}`);
          return (
            ['succeeded', 'failed', 'stopped', 'timed_out'].includes(w.state) &&
            w
          );
        },
        `workload ${workloadId} to end`,
        60_000,
      );

    beforeAll(async () => {
      backend = await startMlBackend(databases, databaseId, {
        config: {
          secrets: { key: randomBytes(32).toString('base64') },
          engine: { reconcileIntervalSeconds: 0.2, cronIntervalSeconds: 3600 },
          serving: { drainSeconds: 0 },
          runtimes: [PYTHON_RUNTIME],
        },
        features: [capturingLoggerFactory(logger)],
      });
      runtimeId = (await api('get', '/runtimes').expect(200)).body.items[0].id;
    });

    afterAll(() => backend?.stop());

    it('masks secrets of a workspace and a project in every answer, and keeps them on a PATCH that does not give them', async () => {
      const ws = await api('post', '/workspaces')
        .send({
          name: 'ws',
          nodeGroups: [STANDARD_NODE_GROUP],
          env: { WS_SECRET: secret(S.WS), LEVEL: 'workspace' },
        })
        .expect(201);
      expect(ws.body.env).toEqual({ WS_SECRET: masked, LEVEL: 'workspace' });
      await api('post', '/workspaces/ws/profiles')
        .send({ name: 'small', cpu: 0.5, memoryMiB: 512 })
        .expect(201);
      const patchedWs = await api('patch', '/workspaces/ws')
        .send({ env: { WS_SECRET: masked, LEVEL: 'site' } })
        .expect(200);
      expect(patchedWs.body.env).toEqual({ WS_SECRET: masked, LEVEL: 'site' });
      expect((await read('/workspaces/ws')).env).toEqual({
        WS_SECRET: masked,
        LEVEL: 'site',
      });
      await read('/workspaces');

      const project = await api('post', '/projects')
        .send({
          workspace: 'ws',
          name: 'vault',
          env: {
            PROJECT_SECRET: secret(S.PROJECT),
            SHADOWED: secret(S.SHADOWED),
          },
        })
        .expect(201);
      projectId = project.body.id;
      expect(project.body.env).toEqual({
        PROJECT_SECRET: masked,
        SHADOWED: masked,
      });
      expect((await read(`/projects/${projectId}`)).env).toEqual({
        PROJECT_SECRET: masked,
        SHADOWED: masked,
      });
      expect((await read('/projects')).items[0].env).toEqual({
        PROJECT_SECRET: masked,
        SHADOWED: masked,
      });
      for (const [file, content] of [
        ['check.py', CHECK_PY],
        ['model.py', MODEL_PY],
      ]) {
        await api('put', `/projects/${projectId}/files/content?path=${file}`)
          .set('Content-Type', 'application/octet-stream')
          .send(Buffer.from(content))
          .expect(200);
      }
    });

    it('refuses to keep a secret that is not stored, and changes nothing', async () => {
      const before = await backend.snapshot(['projects', 'workspaces']);
      const res = await api('patch', `/projects/${projectId}`)
        .send({ env: { PROJECT_SECRET: masked, NOT_STORED: masked } })
        .expect(400);
      expect(res.body.error.message).toMatch(
        /env\.NOT_STORED: \{"secret": true\} without a value keeps the stored secret, but there is no secret 'NOT_STORED'/,
      );
      await api('patch', '/workspaces/ws')
        .send({ env: { LEVEL: masked } })
        .expect(400);
      await api('post', '/projects')
        .send({ workspace: 'ws', name: 'nothing-to-keep', env: { A: masked } })
        .expect(400);
      expect(await backend.snapshot(['projects', 'workspaces'])).toEqual(
        before,
      );
    });

    it('gives a job run its secrets from every level by precedence workspace < project < job < run', async () => {
      const names = [
        'WS_SECRET',
        'PROJECT_SECRET',
        'SHADOWED',
        'JOB_SECRET',
        'RUN_SECRET',
        'LEVEL',
      ];
      const job = await api('post', `/projects/${projectId}/jobs`)
        .send({
          name: 'check',
          script: 'check.py',
          args: names,
          runtimeId,
          profile: 'small',
          env: { JOB_SECRET: secret(S.JOB), SHADOWED: 'plain-from-job' },
        })
        .expect(201);
      expect(job.body.env).toEqual({
        JOB_SECRET: masked,
        SHADOWED: 'plain-from-job',
      });
      expect(
        (await read(`/projects/${projectId}/jobs/${job.body.id}`)).env,
      ).toEqual({ JOB_SECRET: masked, SHADOWED: 'plain-from-job' });
      await read(`/projects/${projectId}/jobs`);

      const run = await api(
        'post',
        `/projects/${projectId}/jobs/${job.body.id}/runs`,
      )
        .send({ env: { RUN_SECRET: secret(S.RUN) } })
        .expect(201);
      expect(run.body).not.toHaveProperty('env');
      expect(await ended(run.body.id)).toMatchObject({ state: 'succeeded' });
      expect(await hashesOf(run.body.id)).toEqual({
        WS_SECRET: sha256(S.WS),
        PROJECT_SECRET: sha256(S.PROJECT),
        SHADOWED: sha256('plain-from-job'),
        JOB_SECRET: sha256(S.JOB),
        RUN_SECRET: sha256(S.RUN),
        LEVEL: sha256('site'),
      });
      await read(`/projects/${projectId}/jobs/${job.body.id}/runs`);
      await read(`/workloads/${run.body.id}/events`);

      // A PATCH of other variables keeps the secrets it names without their values.
      await api('patch', `/projects/${projectId}`)
        .send({ env: { PROJECT_SECRET: masked, EXTRA: 'x' } })
        .expect(200);
      await api('patch', `/projects/${projectId}/jobs/${job.body.id}`)
        .send({ env: { JOB_SECRET: masked }, maxRetries: 1 })
        .expect(200);
      const again = await api(
        'post',
        `/projects/${projectId}/jobs/${job.body.id}/runs`,
      )
        .send({})
        .expect(201);
      expect(await ended(again.body.id)).toMatchObject({ state: 'succeeded' });
      expect(await hashesOf(again.body.id)).toMatchObject({
        PROJECT_SECRET: sha256(S.PROJECT),
        JOB_SECRET: sha256(S.JOB),
        SHADOWED: 'missing',
        RUN_SECRET: 'missing',
      });
    });

    it('masks the secrets of an application and keeps them across an edit', async () => {
      const base = `/projects/${projectId}/applications`;
      const app = await api('post', base)
        .send({
          name: 'Board',
          slug: 'vault-board',
          script: 'check.py',
          runtimeId,
          profile: 'small',
          env: { APP_SECRET: secret(S.APP) },
          start: false,
        })
        .expect(201);
      expect(app.body.env).toEqual({ APP_SECRET: masked });
      const edited = await api('patch', `${base}/${app.body.id}`)
        .send({ env: { APP_SECRET: masked, THEME: 'dark' } })
        .expect(200);
      expect(edited.body.env).toEqual({ APP_SECRET: masked, THEME: 'dark' });
      expect((await read(`${base}/${app.body.id}`)).env).toEqual({
        APP_SECRET: masked,
        THEME: 'dark',
      });
      expect((await read(base)).items[0].env).toEqual({
        APP_SECRET: masked,
        THEME: 'dark',
      });
    });

    it('gives a session its launch secrets, and shows none', async () => {
      const launched = await api('post', `/projects/${projectId}/sessions`)
        .send({
          runtimeId,
          profile: 'small',
          env: { SESSION_SECRET: secret(S.SESSION) },
        })
        .expect(201);
      reads.push(launched.body);
      const id = launched.body.id;
      await waitFor(
        async () =>
          (await read(`/projects/${projectId}/sessions/${id}`)).state ===
          'running',
        'the session',
        30_000,
      );
      const code =
        'import hashlib, os; print(hashlib.sha256(os.environ["SESSION_SECRET"].encode()).hexdigest())';
      const res = await waitFor(async () => {
        const r = await api(
          'post',
          `/projects/${projectId}/sessions/${id}/execute`,
        ).send({ code });
        return r.status === 200 && r;
      }, 'the kernel');
      expect(JSON.parse(res.text.split('\n')[0])).toEqual({
        stream: 'stdout',
        text: `${sha256(S.SESSION)}\n`,
      });
      // What the local driver keeps of a running workload has no env.
      const state = await filesText(
        path.join(backend.storageRoot, 'local-driver', 'runs'),
      );
      expect(state.files.length).toBeGreaterThan(0);
      for (const value of [S.SESSION, S.WS, S.PROJECT])
        expect(state.text).not.toContain(value);
      await read(`/projects/${projectId}/sessions`);
      await api('post', `/projects/${projectId}/sessions/${id}/stop`).expect(
        200,
      );
    });

    it("gives model builds and replicas their secrets, the deployment's winning over the build's", async () => {
      const models = `/projects/${projectId}/models`;
      await api('post', models).send({ name: 'hasher' }).expect(201);
      const build = await api('post', `${models}/hasher/builds`)
        .send({
          filePath: 'model.py',
          functionName: 'predict',
          runtimeId,
          env: {
            MODEL_SECRET: secret(S.BUILD),
            BUILD_ONLY: secret(S.BUILD_ONLY),
          },
        })
        .expect(201);
      expect(build.body.env).toEqual({
        MODEL_SECRET: masked,
        BUILD_ONLY: masked,
      });
      await waitFor(
        async () => {
          const b = await read(`${models}/hasher/builds/${build.body.id}`);
          if (b.state === 'failed')
            throw new Error(`build failed: ${b.reason}`);
          return b.state === 'built';
        },
        'the build',
        90_000,
      );
      expect((await read(`${models}/hasher/builds`)).items[0].env).toEqual({
        MODEL_SECRET: masked,
        BUILD_ONLY: masked,
      });

      const deployment = await api('post', `${models}/hasher/deployments`)
        .send({
          buildId: build.body.id,
          replicas: 1,
          profile: 'small',
          env: { MODEL_SECRET: secret(S.DEPLOY) },
        })
        .expect(201);
      expect(deployment.body.env).toEqual({ MODEL_SECRET: masked });
      await waitFor(
        async () =>
          (
            await read(`${models}/hasher/deployments/${deployment.body.id}`)
          ).state === 'deployed',
        'the deployment',
        90_000,
      );
      expect((await read(`${models}/hasher/deployments`)).items[0].env).toEqual(
        { MODEL_SECRET: masked },
      );
      await read(`${models}/hasher`);

      const answer = await api('post', `${models}/hasher/predict`)
        .set('Authorization', mockCredentials.user.header())
        .send({
          names: ['MODEL_SECRET', 'BUILD_ONLY', 'PROJECT_SECRET', 'WS_SECRET'],
        })
        .expect(200);
      expect(answer.body.response).toEqual({
        MODEL_SECRET: sha256(S.DEPLOY),
        BUILD_ONLY: sha256(S.BUILD_ONLY),
        PROJECT_SECRET: sha256(S.PROJECT),
        WS_SECRET: sha256(S.WS),
      });
      await api(
        'post',
        `${models}/hasher/deployments/${deployment.body.id}/stop`,
      ).expect(200);
    });

    it('never shows a secret value in an answer, a database row, a file on disk or a log line', async () => {
      const values = Object.values(S);
      const leaks = (text: string) => values.filter(v => text.includes(v));

      expect(reads.length).toBeGreaterThan(20);
      expect(leaks(JSON.stringify(reads))).toEqual([]);

      const db = await databaseText(backend.knex);
      expect(db.tables).toEqual(
        expect.arrayContaining([
          'workspaces',
          'projects',
          'jobs',
          'workloads',
          'model_builds',
          'model_deployments',
          'applications',
        ]),
      );
      expect(leaks(db.text)).toEqual([]);

      // The local driver's run state, logs and the project and build folders.
      const disk = await filesText(backend.storageRoot);
      expect(
        disk.files.filter(f => f.startsWith('local-driver/logs/')).length,
      ).toBeGreaterThan(3);
      expect(leaks(disk.text)).toEqual([]);

      // The backend logged its starts; none with a secret.
      expect(logger.text()).toMatch(/Started job .* as process group/);
      expect(leaks(logger.text())).toEqual([]);
    });
  },
);
