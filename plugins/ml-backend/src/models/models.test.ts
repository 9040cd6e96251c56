import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ModelBuild, ModelDeployment } from '@ml-platform/plugin-ml-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { waitFor } from '../__testUtils__/waitFor';
import { MODEL_TABLES } from '../__testUtils__/tables';
import { rawRequest } from '../__testUtils__/rawRequest';
import {
  ModelServicesHarness,
  startModelServices,
} from './__testUtils__/modelServices';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const MODEL_PY = `import os
from helpers import add

def predict(args):
    if args.get("fail"):
        raise ValueError("asked to fail")
    return {"sum": add(args["a"], args["b"]), "level": os.environ.get("LEVEL"), "replica": os.environ["ML_REPLICA_INDEX"]}
`;

/** A JSON request to a replica on a connection of its own. */
async function call(
  url: string,
  method: 'GET' | 'POST',
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const payload =
    body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const res = await rawRequest(url, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(payload ? { 'Content-Length': payload.length } : {}),
    },
    body: payload,
  });
  return {
    status: res.status,
    body: res.body ? JSON.parse(res.body) : undefined,
  };
}

describe.each(databases.eachSupportedId())(
  'models with the local driver on %s',
  databaseId => {
    let h: ModelServicesHarness;
    let modelId: string;

    beforeAll(async () => {
      h = await startModelServices(databases, databaseId, { drainSeconds: 1 });
      await h.write('model.py', MODEL_PY);
      await h.write('helpers.py', 'def add(a, b):\n    return a + b\n');
      await h.write(
        '.gitignore',
        '# local data\ndata/\n*.log\n!keep.log\n/build-output\n',
      );
      await h.write('data/big.csv', 'a,b\n1,2\n');
      await h.write('notes.log', 'not for builds');
      await h.write('keep.log', 'for builds');
      await h.write('src/build-output', 'only the root one is ignored');
      await h.write('build-output', 'ignored');
      await h.write(
        'lineage.yaml',
        'adder:\n  hive_table_qualified_names: ["db.numbers@cm"]\n  metadata: {query: "select a, b from numbers"}\n',
      );
      modelId = (
        await h.services.models.create(
          h.project.id,
          { name: 'adder', description: 'adds', disableAuthentication: false },
          h.actor,
        )
      ).id;
    });

    afterAll(async () => {
      await h?.stop();
    });

    const build = async (
      input: Partial<Parameters<typeof h.services.modelBuilds.create>[2]> = {},
    ) => {
      const created = await h.services.modelBuilds.create(
        h.project.id,
        modelId,
        {
          filePath: 'model.py',
          functionName: 'predict',
          runtimeId: h.runtimeId,
          comment: '',
          examples: [],
          env: {},
          ...input,
        },
        h.actor,
      );
      return waitFor(
        async () => {
          const b = await h.services.modelBuilds.get(
            h.project.id,
            modelId,
            created.id,
          );
          return b.state !== 'queued' && b.state !== 'building' && b;
        },
        `build #${created.number} to end`,
        60_000,
      );
    };

    const deployment = (id: string) =>
      h.services.modelDeployments.get(h.project.id, modelId, id);
    const until = (
      id: string,
      test: (d: ModelDeployment) => boolean,
      what: string,
    ) =>
      waitFor(
        async () => {
          const d = await deployment(id);
          return test(d) && d;
        },
        what,
        60_000,
      );
    const workloadState = async (id: string) =>
      (await h.services.workloadStore.get(id))?.state;

    let built: ModelBuild;

    it('builds from a snapshot of the project that honours .gitignore and records lineage', async () => {
      built = await build({
        examples: [{ request: { a: 1, b: 2 }, response: { sum: 3 } }],
      });
      expect(built).toMatchObject({
        state: 'built',
        number: 1,
        datasets: ['db.numbers@cm'],
        lineageMetadata: { query: 'select a, b from numbers' },
        examples: [{ request: { a: 1, b: 2 }, response: { sum: 3 } }],
      });
      expect(built.builtAt).toBeDefined();
      const dir = h.services.modelBuilds.snapshotDir(built.id);
      const files = (await fs.readdir(dir, { recursive: true }))
        .map(f => String(f))
        .filter(f => !f.includes('__pycache__'));
      expect(files.sort()).toEqual(
        [
          '.gitignore',
          'README.md',
          'helpers.py',
          'keep.log',
          'lineage.yaml',
          'model.py',
          'src',
          'src/build-output',
        ].sort(),
      );
      // The snapshot does not follow later edits of the project.
      await h.write('helpers.py', 'def add(a, b):\n    return a - b\n');
      expect(await fs.readFile(path.join(dir, 'helpers.py'), 'utf8')).toContain(
        'a + b',
      );
      await h.write('helpers.py', 'def add(a, b):\n    return a + b\n');
      const workload = await h.services.workloadStore.get(built.workloadId!);
      expect(workload).toMatchObject({
        kind: 'build',
        state: 'succeeded',
        profile: 'tiny',
      });
    });

    it('fails a build with the reason: import error, missing function, build.sh exit code', async () => {
      await h.write(
        'broken.py',
        'import no_such_module_for_ml_tests\n\ndef predict(args):\n    return 1\n',
      );
      const importError = await build({ filePath: 'broken.py' });
      expect(importError).toMatchObject({
        state: 'failed',
        reason: "ImportError: No module named 'no_such_module_for_ml_tests'",
      });

      // The failed build's snapshot goes right after its state is recorded.
      await waitFor(
        () =>
          fs.stat(h.services.modelBuilds.snapshotDir(importError.id)).then(
            () => undefined,
            error => (error as NodeJS.ErrnoException).code === 'ENOENT',
          ),
        'the failed build to lose its snapshot',
      );
      const missing = await build({ functionName: 'score' });
      expect(missing).toMatchObject({
        state: 'failed',
        reason: "function 'score' not found in model.py",
      });

      await h.write('build.sh', 'echo installing\nexit 2\n');
      try {
        const script = await build();
        expect(script).toMatchObject({
          state: 'failed',
          reason: 'build.sh exited with 2',
        });
        const log: string[] = [];
        const ws = (await h.services.workspaceStore.get('ws'))!;
        const w = (await h.services.workloadStore.get(script.workloadId!))!;
        for await (const line of (h.services as any).workloads.deps
          .driverFor(ws)
          .logs({ workloadId: w.id, attempt: w.attempt }, { follow: false })) {
          log.push(line);
        }
        expect(log).toContain('installing');
      } finally {
        await h.services.files.delete(h.project.id, 'build.sh');
      }
    });

    it('refuses bad build input naming the field, and makes nothing', async () => {
      const before = await h.services.modelBuilds.list(h.project.id, modelId);
      await expect(build({ filePath: 'nope.py' })).rejects.toThrow(
        /^filePath: no file 'nope.py'/,
      );
      await expect(build({ filePath: 'data' })).rejects.toThrow(
        /^filePath: 'data' is a folder/,
      );
      await expect(build({ profile: 'huge' })).rejects.toThrow(
        /^profile: no resource profile 'huge'/,
      );
      await expect(
        build({ runtimeId: '00000000-0000-4000-8000-000000000000' }),
      ).rejects.toThrow(/^runtimeId:/);
      expect(await h.services.modelBuilds.list(h.project.id, modelId)).toEqual(
        before,
      );
      const deploy = h.services.modelDeployments.create(
        h.project.id,
        modelId,
        {
          buildId: before.find(b => b.state === 'failed')!.id,
          replicas: 1,
          profile: 'small',
          env: {},
        },
        h.actor,
      );
      await expect(deploy).rejects.toThrow(/^buildId: build #\d+ is failed/);
    });

    let first: ModelDeployment;

    it('deploys 2 replicas that both become ready and serve through the directory', async () => {
      const changes: string[] = [];
      const unsubscribe = h.services.modelDirectory.onChange(id =>
        changes.push(id),
      );
      first = await h.services.modelDeployments.create(
        h.project.id,
        modelId,
        {
          buildId: built.id,
          replicas: 2,
          profile: 'small',
          env: { LEVEL: 'deployment' },
        },
        h.actor,
      );
      expect(first).toMatchObject({
        state: 'deploying',
        replicas: 2,
        buildNumber: 1,
      });
      const deployed = await until(
        first.id,
        d => d.state === 'deployed',
        'two ready replicas',
      );
      expect(
        deployed.replicaStatus.map(r => [r.index, r.state, r.ready]),
      ).toEqual([
        [0, 'running', true],
        [1, 'running', true],
      ]);
      unsubscribe();
      expect(changes).toContain(modelId);

      const byName = await h.services.modelDirectory.byId(
        h.project.id,
        'adder',
      );
      expect(byName).toMatchObject({
        modelId,
        modelName: 'adder',
        projectName: 'models',
        deploymentId: first.id,
        disableAuthentication: false,
      });
      expect(byName!.replicas.map(r => r.index)).toEqual([0, 1]);
      expect(
        await h.services.modelDirectory.byId(h.project.id, modelId),
      ).toEqual(byName);
      expect(
        await h.services.modelDirectory.byId(
          '00000000-0000-4000-8000-000000000000',
          'adder',
        ),
      ).toBeUndefined();
      for (const replica of byName!.replicas) {
        expect(replica.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect((await call(`${replica.url}/health`, 'GET')).status).toBe(200);
        const answer = await call(`${replica.url}/predict`, 'POST', {
          a: 2,
          b: 3,
        });
        // Deployment env wins over project and workspace env.
        expect(answer.body).toMatchObject({
          success: true,
          response: {
            sum: 5,
            level: 'deployment',
            replica: String(replica.index),
          },
        });
        const failure = await call(`${replica.url}/predict`, 'POST', {
          fail: true,
        });
        expect(failure.body).toMatchObject({
          success: false,
          error: { name: 'ValueError', message: 'asked to fail' },
        });
        expect((await call(`${replica.url}/health`, 'GET')).status).toBe(200);
      }
      const model = await h.services.models.get(h.project.id, modelId);
      expect(model.activeDeploymentId).toBe(first.id);
    });

    it('scales 2 → 1: the removed replica leaves service at once and stops after the drain', async () => {
      const before = (await h.services.modelDirectory.byId(
        h.project.id,
        modelId,
      ))!;
      const removed = before.replicas.find(r => r.index === 1)!;
      const scaled = await h.services.modelDeployments.scale(
        h.project.id,
        modelId,
        first.id,
        1,
        h.actor,
      );
      expect(scaled.replicas).toBe(1);
      expect(scaled.replicaStatus.map(r => r.index)).toEqual([0]);
      expect(
        (await h.services.modelDirectory.byId(
          h.project.id,
          modelId,
        ))!.replicas.map(r => r.index),
      ).toEqual([0]);
      // Still running during the drain period, stopped after it.
      expect(await workloadState(removed.workloadId)).toBe('running');
      await waitFor(
        async () => (await workloadState(removed.workloadId)) === 'stopped',
        'the removed replica to stop',
      );
      expect((await deployment(first.id)).state).toBe('deployed');
    });

    it('replaces a deployment: traffic moves once the new replicas are ready, the old stop after that', async () => {
      const oldReplicas = (await h.services.modelDirectory.byId(
        h.project.id,
        modelId,
      ))!.replicas;
      const seenAtSwitch: Array<{
        deploymentId?: string;
        oldStates: Array<string | undefined>;
      }> = [];
      const unsubscribe = h.services.modelDirectory.onChange(async () => {
        const target = await h.services.modelDirectory.byId(
          h.project.id,
          modelId,
        );
        if (target?.deploymentId && target.deploymentId !== first.id) {
          seenAtSwitch.push({
            deploymentId: target.deploymentId,
            oldStates: await Promise.all(
              oldReplicas.map(r => workloadState(r.workloadId)),
            ),
          });
        }
      });
      const second = await h.services.modelDeployments.create(
        h.project.id,
        modelId,
        { buildId: built.id, replicas: 2, profile: 'small', env: {} },
        h.actor,
      );
      // Until the new replicas are ready, the old deployment keeps serving.
      const meanwhile = await h.services.modelDirectory.byId(
        h.project.id,
        modelId,
      );
      expect(meanwhile!.deploymentId).toBe(first.id);
      expect(meanwhile!.replicas.length).toBe(1);

      await until(second.id, d => d.state === 'deployed', 'the new deployment');
      const after = (await h.services.modelDirectory.byId(
        h.project.id,
        modelId,
      ))!;
      expect(after.deploymentId).toBe(second.id);
      expect(after.replicas.map(r => r.index)).toEqual([0, 1]);
      expect(
        (await call(`${after.replicas[0].url}/predict`, 'POST', { a: 1, b: 1 }))
          .body.response.sum,
      ).toBe(2);

      const stoppedOld = await until(
        first.id,
        d => d.state === 'stopped',
        'the old deployment to stop',
      );
      expect(stoppedOld.reason).toBe('replaced by a newer deployment');
      for (const r of oldReplicas)
        expect(await workloadState(r.workloadId)).toBe('stopped');
      unsubscribe();
      await new Promise(r => setTimeout(r, 50));
      expect(seenAtSwitch.length).toBeGreaterThan(0);
      expect(seenAtSwitch[0].oldStates).toEqual(
        oldReplicas.map(() => 'running'),
      );
      expect(
        (await h.services.models.get(h.project.id, modelId)).activeDeploymentId,
      ).toBe(second.id);
    });

    it('stores access keys hashed, resolves them until revoked', async () => {
      const created = await h.services.modelKeys.create(modelId, 'ci', h.actor);
      expect(created.key).toMatch(/^mk_[0-9a-f]{40}$/);
      expect(created.masked).toBe(`${created.key.slice(0, 7)}…`);
      const rows = await h.knex('model_access_keys').select('*');
      expect(JSON.stringify(rows)).not.toContain(created.key);
      expect(JSON.stringify(rows)).not.toContain(created.key.slice(7));
      expect(rows.map(r => r.key_hash)).toContain(
        createHash('sha256').update(created.key).digest('hex'),
      );

      const listed = await h.services.modelKeys.list(modelId);
      expect(listed).toEqual([
        expect.objectContaining({ id: created.id, masked: created.masked }),
      ]);
      expect(JSON.stringify(listed)).not.toContain(created.key);

      expect(
        await h.services.modelDirectory.byAccessKey(created.key),
      ).toMatchObject({ modelId, modelName: 'adder' });
      expect(
        await h.services.modelDirectory.keyIsValidFor(modelId, created.key),
      ).toBe(true);
      expect(
        await h.services.modelDirectory.keyIsValidFor(
          '00000000-0000-4000-8000-000000000000',
          created.key,
        ),
      ).toBe(false);
      expect(
        await h.services.modelDirectory.byAccessKey(`mk_${'0'.repeat(40)}`),
      ).toBeUndefined();
      expect(
        await h.services.modelDirectory.byAccessKey('not a key'),
      ).toBeUndefined();
      await waitFor(
        async () => (await h.services.modelKeys.list(modelId))[0].lastUsedAt,
        'last use to be recorded',
      );

      await h.services.modelKeys.revoke(modelId, created.id);
      expect(
        await h.services.modelDirectory.byAccessKey(created.key),
      ).toBeUndefined();
      await expect(
        h.services.modelKeys.revoke(modelId, created.id),
      ).rejects.toThrow(/No access key/);
    });

    it('tells listeners of a change another backend made in the database', async () => {
      const heard: string[] = [];
      const unsubscribe = h.services.modelDirectory.onChange(id =>
        heard.push(id),
      );
      await h
        .knex('models')
        .where({ id: modelId })
        .update({ disable_authentication: true });
      await waitFor(async () => heard.includes(modelId), 'a change event');
      unsubscribe();
      expect(
        await h.services.modelDirectory.byId(h.project.id, modelId),
      ).toMatchObject({ disableAuthentication: true });
      await h.services.models.update(h.project.id, modelId, {
        disableAuthentication: false,
      });
      expect(
        await h.services.modelDirectory.byId(h.project.id, modelId),
      ).toMatchObject({ disableAuthentication: false });
    });

    it('fails a deployment whose replica never comes up, and keeps a serving one when a scale-up fails', async () => {
      await h.write(
        'crashy.py',
        'import os\n\nif os.environ.get("ML_REPLICA_INDEX") == "1":\n    raise SystemExit(3)\n\ndef predict(args):\n    return args\n',
      );
      const crashy = await h.services.models.create(
        h.project.id,
        { name: 'crashy', description: '', disableAuthentication: false },
        h.actor,
      );
      const created = await h.services.modelBuilds.create(
        h.project.id,
        crashy.id,
        {
          filePath: 'crashy.py',
          functionName: 'predict',
          runtimeId: h.runtimeId,
          comment: '',
          examples: [],
          env: {},
        },
        h.actor,
      );
      await waitFor(
        async () =>
          (
            await h.services.modelBuilds.get(
              h.project.id,
              crashy.id,
              created.id,
            )
          ).state === 'built',
        'crashy build',
      );
      const get = (id: string) =>
        h.services.modelDeployments.get(h.project.id, crashy.id, id);

      const both = await h.services.modelDeployments.create(
        h.project.id,
        crashy.id,
        { buildId: created.id, replicas: 2, profile: 'small', env: {} },
        h.actor,
      );
      const failed = await waitFor(
        async () => {
          const d = await get(both.id);
          return d.state === 'failed' && d;
        },
        'the deployment to fail',
        60_000,
      );
      expect(failed.reason).toBe(
        'replica 1 failed: SystemExit while importing crashy.py: 3',
      );
      // The deployment fails first; its other replica is stopped after.
      const ended = ['succeeded', 'failed', 'stopped', 'timed_out'];
      const settled = await waitFor(
        async () => {
          const d = await get(both.id);
          return d.replicaStatus.every(r => ended.includes(r.state)) && d;
        },
        'the other replica to stop',
        30_000,
      );
      expect(settled.replicaStatus.map(r => r.state)).toEqual([
        'stopped',
        'failed',
      ]);
      expect(
        (await h.services.models.get(h.project.id, crashy.id))
          .activeDeploymentId,
      ).toBeUndefined();
      expect(
        await h.services.modelDirectory.byId(h.project.id, 'crashy'),
      ).toMatchObject({ replicas: [] });

      const one = await h.services.modelDeployments.create(
        h.project.id,
        crashy.id,
        { buildId: created.id, replicas: 1, profile: 'small', env: {} },
        h.actor,
      );
      await waitFor(
        async () => (await get(one.id)).state === 'deployed',
        'one replica',
      );
      await h.services.modelDeployments.scale(
        h.project.id,
        crashy.id,
        one.id,
        2,
        h.actor,
      );
      const kept = await waitFor(
        async () => {
          const d = await get(one.id);
          return d.state === 'deployed' && d.reason && d;
        },
        'the scale-up to give up',
        60_000,
      );
      expect(kept).toMatchObject({
        replicas: 1,
        reason:
          'replica 1 failed: SystemExit while importing crashy.py: 3; serving with 1 replicas',
      });
      expect(
        (await h.services.modelDirectory.byId(
          h.project.id,
          'crashy',
        ))!.replicas.map(r => r.index),
      ).toEqual([0]);
      await h.services.models.delete(h.project.id, crashy.id);
    });

    it('deleting the model stops its deployment and removes builds, snapshots and keys', async () => {
      const live = (await h.services.modelDirectory.byId(
        h.project.id,
        modelId,
      ))!;
      await h.services.modelKeys.create(modelId, 'left', h.actor);
      await h.services.models.delete(h.project.id, modelId);
      for (const r of live.replicas)
        expect(await workloadState(r.workloadId)).toBe('stopped');
      expect(
        await h.services.modelDirectory.byId(h.project.id, modelId),
      ).toBeUndefined();
      for (const table of MODEL_TABLES) {
        expect([table, (await h.knex(table).count({ n: '*' }))[0].n]).toEqual([
          table,
          expect.anything(),
        ]);
        expect(Number((await h.knex(table).count({ n: '*' }))[0].n)).toBe(0);
      }
      expect(await fs.readdir(path.join(h.storageRoot, 'builds'))).toEqual([]);
    });
  },
);
