import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { PROBE, SLEEPER, confinedProbeReport } from './__testUtils__/probe';
import {
  MlTestBackend,
  startMlBackend,
} from '../../../__testUtils__/startMlBackend';
import { createTestDatabases } from '../../../__testUtils__/testDatabases';
import { waitFor } from '../../../__testUtils__/waitFor';
import {
  PYTHON_RUNTIME,
  createProject,
  createWorkspaceWithProfile,
  firstRuntimeId,
  putProjectFile,
} from '../../../__testUtils__/apiFixtures';

jest.setTimeout(90_000);
const databases = createTestDatabases();

const IS_ROOT = process.getuid?.() === 0;
const describeAsRoot = IS_ROOT ? describe : describe.skip;

/**
 * Isolation end to end through the ML API on a backend that runs as root
 * (as CI does): the plugin lays its storage out, closes the SQLite folder,
 * writes uploads as the project's, and the local driver runs each project
 * under its own uid.
 */
describeAsRoot(
  `local workload isolation through the ML API (${
    IS_ROOT
      ? 'as root'
      : `needs root to switch uids, skipped: this test process is uid ${process.getuid?.()}`
  })`,
  () => {
    let backend: MlTestBackend;
    let sqliteDir: string;
    let runtimeId: string;
    const projects: Record<'a' | 'b', string> = { a: '', b: '' };

    const put = (project: string, file: string, content: string) =>
      putProjectFile(backend.server, project, file, content);

    const runJob = async (project: string, script: string, env = {}) => {
      const base = `/api/ml/projects/${project}/jobs`;
      const job = await request(backend.server)
        .post(base)
        .send({ name: script, script, runtimeId, profile: 'small' })
        .expect(201);
      const run = await request(backend.server)
        .post(`${base}/${job.body.id}/runs`)
        .send({ env })
        .expect(201);
      return run.body.id as string;
    };

    const logLines = async (workloadId: string): Promise<string[]> =>
      (
        await request(backend.server).get(
          `/api/ml/workloads/${workloadId}/logs`,
        )
      ).body.lines ?? [];

    beforeAll(async () => {
      // The SQLite folder as Backstage makes it (0755), outside the storage.
      sqliteDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-sqlite-'));
      await fs.chmod(sqliteDir, 0o755);
      await fs.writeFile(
        path.join(sqliteDir, 'auth.sqlite'),
        'SQLite format 3\0signing keys',
        { mode: 0o644 },
      );
      backend = await startMlBackend(databases, 'SQLITE_3', {
        rootConfig: {
          backend: {
            database: {
              client: 'better-sqlite3',
              connection: { directory: sqliteDir },
            },
          },
        },
        // Where the embedded default keeps its SQLite files, and a file of the
        // backend's own, there before the backend starts.
        beforeStart: async storageRoot => {
          await fs.mkdir(path.join(storageRoot, 'db'), { mode: 0o755 });
          await fs.writeFile(
            path.join(storageRoot, 'db', 'ml.sqlite'),
            'SQLite format 3\0workload tokens',
            { mode: 0o644 },
          );
          await fs.writeFile(path.join(storageRoot, 'notes.txt'), 'x', {
            mode: 0o644,
          });
        },
        config: {
          engine: { reconcileIntervalSeconds: 0.2, cronIntervalSeconds: 3600 },
          runtimes: [PYTHON_RUNTIME],
        },
      });
      const { server } = backend;
      await createWorkspaceWithProfile(server);
      runtimeId = await firstRuntimeId(server);
      for (const key of ['a', 'b'] as const) {
        projects[key] = await createProject(server, `iso-${key}`);
      }
      await put(projects.a, 'probe.py', PROBE);
      await put(projects.a, 'mine.txt', 'uploaded\n');
      await put(projects.b, 'sleep.py', SLEEPER);
      await put(projects.b, 'secret-b.txt', 'b');
    });

    afterAll(async () => {
      await backend?.stop();
      await fs.rm(sqliteDir, { recursive: true, force: true });
    });

    it("keeps one project's job out of the databases, the storage and the other project", async () => {
      const root = backend.storageRoot;
      const bRun = await runJob(projects.b, 'sleep.py');
      const bPid = Number(
        await waitFor(
          async () => (await logLines(bRun))[0],
          'project B to run',
        ),
      );
      const environ = await fs.readFile(`/proc/${bPid}/environ`, 'utf8');
      expect(environ).toContain('ML_WORKLOAD_TOKEN=');

      const files = {
        sqlite: path.join(sqliteDir, 'auth.sqlite'),
        storageDatabase: path.join(root, 'db', 'ml.sqlite'),
        storageFile: path.join(root, 'notes.txt'),
        otherProjectFile: path.join(
          root,
          'projects',
          projects.b,
          'secret-b.txt',
        ),
        otherRunState: path.join(
          root,
          'local-driver',
          'runs',
          `${bRun}-1.json`,
        ),
        otherLog: path.join(root, 'local-driver', 'logs', `${bRun}-1.log`),
        otherEnviron: `/proc/${bPid}/environ`,
      };
      const folders = {
        sqliteFolder: sqliteDir,
        storageRoot: root,
        otherProject: path.join(root, 'projects', projects.b),
      };
      for (const target of [
        ...Object.values(files),
        ...Object.values(folders),
      ]) {
        await expect(fs.stat(target)).resolves.toBeDefined();
      }

      const aRun = await runJob(projects.a, 'probe.py', {
        TARGETS: JSON.stringify({ files, folders, otherPid: bPid }),
      });
      const ended = await waitFor(async () => {
        const res = await request(backend.server).get(
          `/api/ml/workloads/${aRun}`,
        );
        return ['succeeded', 'failed'].includes(res.body.state) && res.body;
      }, 'the probe to end');
      expect(ended).toMatchObject({ state: 'succeeded' });
      const result = JSON.parse((await logLines(aRun)).at(-1)!);
      expect(result).toMatchObject(confinedProbeReport({ files, folders }));
      expect(result.uid).toBeGreaterThanOrEqual(200_000);

      // What the workload wrote, and the upload it changed, read back through
      // the API; the backend's later uploads stay the project's too.
      const mine = await request(backend.server)
        .get(`/api/ml/projects/${projects.a}/files/content?path=mine.txt`)
        .buffer(true)
        .parse((res, cb) => {
          let data = '';
          res.on('data', c => (data += c));
          res.on('end', () => cb(null, data));
        })
        .expect(200);
      expect(mine.body).toBe('uploaded\nand the workload\n');
      await put(projects.a, 'later/upload.txt', 'x');
      const projectDir = path.join(root, 'projects', projects.a);
      for (const p of ['', 'later', 'later/upload.txt', 'new.txt']) {
        expect((await fs.lstat(path.join(projectDir, p))).uid).toBe(result.uid);
      }
      await request(backend.server)
        .post(`/api/ml/workloads/${bRun}/stop`)
        .expect(200);
    });

    it("never returns a session kernel's secret", async () => {
      const base = `/api/ml/projects/${projects.a}/sessions`;
      const launched = await request(backend.server)
        .post(base)
        .send({ runtimeId, profile: 'small' })
        .expect(201);
      const id = launched.body.id;
      const state = path.join(
        backend.storageRoot,
        'local-driver',
        'runs',
        `${id}-1.json`,
      );
      const secret = await waitFor(
        async () => JSON.parse(await fs.readFile(state, 'utf8')).kernelSecret,
        'the session to start',
      );
      const ran = await waitFor(async () => {
        const r = await request(backend.server)
          .post(`${base}/${id}/execute`)
          .send({ code: 'print(6*7)' });
        return r.status === 200 && r;
      }, 'the kernel to answer');
      expect(ran.text).toContain('42');
      const answers = [
        launched,
        await request(backend.server).get(`${base}/${id}`),
        await request(backend.server).get(base),
        await request(backend.server).get(`/api/ml/workloads/${id}`),
        await request(backend.server).get(`/api/ml/workloads/${id}/events`),
        await request(backend.server).get(`/api/ml/workloads/${id}/logs`),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(200 + (answer === launched ? 1 : 0));
        expect(JSON.stringify(answer.body)).not.toContain(secret);
      }
    });
  },
);
