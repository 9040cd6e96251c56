import { mockServices } from '@backstage/backend-test-utils';
import { WorkloadSpec } from '@ml-platform/plugin-ml-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalProcessDriver } from '../LocalProcessDriver';
import {
  collectLines,
  killRunGroups,
  sdkPath,
  waitFor,
} from '../__testUtils__/localRuns';
import { PROBE, SLEEPER, confinedProbeReport } from '../__testUtils__/probe';
import { LocalIsolation } from './LocalIsolation';

jest.setTimeout(30_000);

const IS_ROOT = process.getuid?.() === 0;
// Only root can run workloads under other uids; CI runs as root.
const describeAsRoot = IS_ROOT ? describe : describe.skip;
const AS_ROOT = IS_ROOT
  ? 'as root'
  : `needs root to switch uids, skipped: this test process is uid ${process.getuid?.()}`;

const PROJECT_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
const PROJECT_B = 'bbbbbbbb-0000-4000-8000-00000000000b';

describe('local workload isolation (per-project uids)', () => {
  let root: string;
  let stateDir: string;
  let driver: LocalProcessDriver;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let counter = 0;

  const project = (id: string) => path.join(root, 'projects', id);
  const spec = (
    projectId: string,
    script: string,
    extra: Partial<WorkloadSpec> = {},
  ): WorkloadSpec => ({
    workloadId: `iso${process.pid}x${++counter}`,
    attempt: 1,
    kind: 'job',
    workspace: 'default',
    projectId,
    projectName: projectId.slice(0, 8),
    projectDir: project(projectId),
    runtime: { id: 'python', command: 'python3' },
    resources: { cpu: 1, memoryMiB: 256, gpu: 0 },
    args: [script],
    env: {},
    ports: [],
    ...extra,
  });
  const logOf = async (ref: WorkloadSpec) =>
    (await collectLines(driver.logs(ref, { follow: false }))).map(l => l.line);
  const firstLine = (ref: WorkloadSpec) =>
    waitFor(`a line from ${ref.workloadId}`, async () => {
      const lines = await logOf(ref).catch(() => []);
      return lines[0];
    });
  const finished = (ref: WorkloadSpec) =>
    waitFor(`${ref.workloadId} to end`, async () => {
      const run = (await driver.observe()).find(
        w => w.workloadId === ref.workloadId,
      );
      return run && run.phase !== 'running' && run.phase !== 'pending' && run;
    });

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'ml-isolation-'));
    stateDir = path.join(root, 'local-driver');
    logger = mockServices.logger.mock();
    // What the backend keeps next to the projects: a SQLite database (auth
    // keys among its tables) and a file of its own.
    await fs.mkdir(path.join(root, 'db'));
    await fs.writeFile(
      path.join(root, 'db', 'backend.sqlite'),
      'SQLite format 3\0signing keys',
    );
    await fs.writeFile(path.join(root, 'backend-secret.txt'), 'secret');
    for (const id of [PROJECT_A, PROJECT_B]) {
      await fs.mkdir(project(id), { recursive: true });
    }
    // Written by the backend (root), as an upload would be.
    await fs.writeFile(path.join(project(PROJECT_A), 'mine.txt'), 'uploaded\n');
    await fs.writeFile(path.join(project(PROJECT_A), 'probe.py'), PROBE);
    await fs.writeFile(path.join(project(PROJECT_B), 'secret-b.txt'), 'b');
    await fs.writeFile(path.join(project(PROJECT_B), 'sleep.py'), SLEEPER);
    await fs.mkdir(path.join(root, 'builds', 'b-build'), { recursive: true });
    await fs.writeFile(
      path.join(root, 'builds', 'b-build', 'sleep.py'),
      SLEEPER,
    );
    const isolation = new LocalIsolation({
      stateDir,
      logger,
      storageRoot: root,
      sdkPath,
    });
    driver = new LocalProcessDriver({
      stateDir,
      sdkPath,
      logger,
      isolation,
      stopGraceMs: 1000,
    });
  });

  afterEach(async () => {
    await killRunGroups(stateDir);
    await fs.rm(root, { recursive: true, force: true, maxRetries: 10 });
  });

  describeAsRoot(AS_ROOT, () => {
    it("keeps a project's workload out of the databases, the storage root, other projects, their builds, state, logs and /proc environ", async () => {
      // Project B: a job in its folder and a replica in its build snapshot,
      // both with a token in their environment.
      const b = spec(PROJECT_B, 'sleep.py', {
        env: { ML_WORKLOAD_TOKEN: 'b-token-secret' },
      });
      const bBuild = spec(PROJECT_B, 'sleep.py', {
        kind: 'model',
        projectDir: path.join(root, 'builds', 'b-build'),
      });
      await driver.start(b);
      await driver.start(bBuild);
      const bPid = Number(await firstLine(b));
      await firstLine(bBuild);
      const bRun = `${b.workloadId}-1`;
      // The targets exist and hold what a thief would want (checked as root).
      const environ = await fs.readFile(`/proc/${bPid}/environ`, 'utf8');
      expect(environ).toContain('ML_WORKLOAD_TOKEN=b-token-secret');
      const runnerPid = JSON.parse(
        await fs.readFile(path.join(stateDir, 'runs', `${bRun}.json`), 'utf8'),
      ).pid;

      const files = {
        database: path.join(root, 'db', 'backend.sqlite'),
        storageFile: path.join(root, 'backend-secret.txt'),
        otherProjectFile: path.join(project(PROJECT_B), 'secret-b.txt'),
        otherBuildFile: path.join(root, 'builds', 'b-build', 'sleep.py'),
        otherRunState: path.join(stateDir, 'runs', `${bRun}.json`),
        otherLog: path.join(stateDir, 'logs', `${bRun}.log`),
        uidTable: path.join(stateDir, 'identities', 'projects', PROJECT_B),
        otherEnviron: `/proc/${bPid}/environ`,
        otherRunnerEnviron: `/proc/${runnerPid}/environ`,
      };
      const folders = {
        storageRoot: root,
        projects: path.join(root, 'projects'),
        otherProject: project(PROJECT_B),
        databaseFolder: path.join(root, 'db'),
      };
      for (const target of [
        ...Object.values(files),
        ...Object.values(folders),
      ]) {
        await expect(fs.stat(target)).resolves.toBeDefined();
      }

      const a = spec(PROJECT_A, 'probe.py', {
        env: { TARGETS: JSON.stringify({ files, folders, otherPid: bPid }) },
      });
      await driver.start(a);
      expect(await finished(a)).toMatchObject({ phase: 'succeeded' });
      const result = JSON.parse((await logOf(a)).at(-1)!);

      expect(result).toMatchObject(confinedProbeReport({ files, folders }));
      // Two projects, two unprivileged uids.
      const stateOf = async (ref: WorkloadSpec) =>
        JSON.parse(
          await fs.readFile(
            path.join(stateDir, 'runs', `${ref.workloadId}-1.json`),
            'utf8',
          ),
        );
      const [aState, bState, buildState] = await Promise.all(
        [a, b, bBuild].map(stateOf),
      );
      expect(result.uid).toBe(aState.uid);
      expect(aState.uid).toBeGreaterThanOrEqual(200_000);
      expect(bState.uid).not.toBe(aState.uid);
      expect(buildState.uid).toBe(bState.uid);
      // The workload changed the file the backend wrote and made its own.
      const mine = await fs.stat(path.join(project(PROJECT_A), 'mine.txt'));
      expect(mine.uid).toBe(aState.uid);
      expect(
        await fs.readFile(path.join(project(PROJECT_A), 'mine.txt'), 'utf8'),
      ).toBe('uploaded\nand the workload\n');
      expect(
        (await fs.stat(path.join(project(PROJECT_A), 'new.txt'))).uid,
      ).toBe(aState.uid);
    });

    it('gives a project the same uid after a restart and still stops its re-adopted work', async () => {
      const b = spec(PROJECT_B, 'sleep.py');
      await driver.start(b);
      const pid = Number(await firstLine(b));
      const before = JSON.parse(
        await fs.readFile(
          path.join(stateDir, 'runs', `${b.workloadId}-1.json`),
          'utf8',
        ),
      );
      expect((await fs.stat(`/proc/${pid}`)).uid).toBe(before.uid);

      // A new backend: new instances on the same state folder.
      const restarted = new LocalProcessDriver({
        stateDir,
        sdkPath,
        logger,
        isolation: new LocalIsolation({ stateDir, logger, storageRoot: root }),
        stopGraceMs: 1000,
      });
      const again = spec(PROJECT_B, 'sleep.py');
      await restarted.start(again);
      const after = JSON.parse(
        await fs.readFile(
          path.join(stateDir, 'runs', `${again.workloadId}-1.json`),
          'utf8',
        ),
      );
      expect(after.uid).toBe(before.uid);
      expect(
        (await restarted.observe()).find(w => w.workloadId === b.workloadId),
      ).toMatchObject({ phase: 'running' });
      await restarted.stop(b);
      await expect(fs.stat(`/proc/${pid}`)).rejects.toMatchObject({
        code: 'ENOENT',
      });
    });
  });

  it('warns once and runs workloads as the backend when it is not root', async () => {
    const single = mockServices.logger.mock();
    const notRoot = new LocalProcessDriver({
      stateDir,
      sdkPath,
      logger: single,
      isolation: new LocalIsolation({
        stateDir,
        logger: single,
        isRoot: () => false,
      }),
    });
    await fs.writeFile(
      path.join(project(PROJECT_A), 'whoami.py'),
      'import os\nprint(os.getuid())\n',
    );
    const first = spec(PROJECT_A, 'whoami.py');
    const second = spec(PROJECT_B, 'sleep.py');
    await notRoot.start(first);
    await notRoot.start(second);
    const warnings = single.warn.mock.calls.map(([message]) => message);
    expect(warnings).toEqual([expect.stringContaining('not isolated')]);
    expect(warnings[0]).toContain('single-user mode');
    const line = await waitFor(
      'whoami to print',
      async () =>
        (
          await collectLines(notRoot.logs(first, { follow: false }))
        )[0]?.line,
    );
    expect(Number(line)).toBe(process.getuid?.());
    expect(
      await fs.stat(path.join(stateDir, 'identities')).catch(() => undefined),
    ).toBeUndefined();
  });
});
