import fs from 'node:fs';
import http from 'node:http';
import request from 'supertest';
import { SettingsStore } from '../database';
import { WorkloadTokens } from '../engine/WorkloadTokens';
import { casesFor, seededRandom } from './__testUtils__/fuzzCases';
import { operations, order, send } from './__testUtils__/fuzzSpec';
import {
  MlTestBackend,
  STANDARD_NODE_GROUP,
  startMlBackend,
} from '../__testUtils__/startMlBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { waitFor } from '../__testUtils__/waitFor';
import { PYTHON_RUNTIME } from '../__testUtils__/apiFixtures';

/**
 * Walks every operation of openapi.yaml against a real backend with real
 * fixtures (so path ids exist) and malformed input: bad path ids, odd query
 * strings, malformed bodies, wrong types, huge values, deep nesting. No
 * request may get a 5xx: bad input is the caller's mistake, a 4xx that says
 * so. Seeded, so every run sends the same cases.
 */

jest.setTimeout(240_000);
const databases = createTestDatabases();

// FUZZ_SEED and FUZZ_WIDTH (bad values per field; all of them: 100) explore further.
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const WIDTH = Number(process.env.FUZZ_WIDTH ?? 100);
const OTHER_UUID = '11111111-2222-4333-8444-555555555555';

describe.each(databases.eachSupportedId())(
  'fuzzing every documented operation on %p',
  databaseId => {
    let backend: MlTestBackend;
    let server: http.Server;
    const f: Record<string, string> = {};

    beforeAll(async () => {
      backend = await startMlBackend(databases, databaseId, {
        config: {
          engine: { reconcileIntervalSeconds: 0.5, cronIntervalSeconds: 3600 },
          serving: { drainSeconds: 0 },
          runtimes: [PYTHON_RUNTIME],
        },
      });
      server = backend.server as http.Server;
      const api = (
        method: 'get' | 'post' | 'put',
        url: string,
        body?: object,
      ) => request(server)[method](`/api/ml${url}`).send(body);
      const ok = async (res: Promise<request.Response>) => {
        const r = await res;
        if (r.status >= 300)
          throw new Error(`fixture: ${r.status} ${JSON.stringify(r.body)}`);
        return r.body;
      };
      await ok(
        api('post', '/workspaces', {
          name: 'fz',
          nodeGroups: [STANDARD_NODE_GROUP],
        }),
      );
      await ok(
        api('post', '/workspaces/fz/profiles', {
          name: 'small',
          cpu: 0.25,
          memoryMiB: 128,
        }),
      );
      f.quotaId = (
        await ok(
          api('post', '/workspaces/fz/quotas', {
            subject: 'group:default/team',
            cpu: 1,
            memoryMiB: 1024,
          }),
        )
      ).id;
      f.runtimeId = (await ok(api('get', '/runtimes'))).items[0].id;
      f.projectId = (
        await ok(api('post', '/projects', { workspace: 'fz', name: 'fuzz' }))
      ).id;
      const files: Record<string, string> = {
        'job.py': 'print("ok")\n',
        'hold.py': 'import time\ntime.sleep(600)\n',
        'model.py': 'def predict(args):\n    return args\n',
        'app.py': 'print("app")\n',
        'notes.txt': 'notes\n',
      };
      for (const [file, content] of Object.entries(files)) {
        await ok(
          request(server)
            .put(`/api/ml/projects/${f.projectId}/files/content?path=${file}`)
            .set('Content-Type', 'application/octet-stream')
            .send(Buffer.from(content)),
        );
      }
      const project = `/projects/${f.projectId}`;
      await ok(
        api(
          'put',
          `${project}/collaborators/${encodeURIComponent('user:default/jane')}`,
          { role: 'viewer' },
        ),
      );
      const job = (body: object) =>
        ok(
          api('post', `${project}/jobs`, {
            runtimeId: f.runtimeId,
            profile: 'small',
            ...body,
          }),
        );
      f.jobId = (await job({ name: 'train', script: 'job.py' })).id;
      const hold = await job({ name: 'hold', script: 'hold.py' });
      const run = await ok(api('post', `${project}/jobs/${hold.id}/runs`, {}));
      f.workloadId = run.id;
      f.token = await new WorkloadTokens(new SettingsStore(backend.knex)).issue(
        { workloadId: run.id, attempt: run.attempt },
      );
      f.sessionId = (
        await ok(
          api('post', `${project}/sessions`, {
            runtimeId: f.runtimeId,
            profile: 'small',
          }),
        )
      ).id;
      f.appId = (
        await ok(
          api('post', `${project}/applications`, {
            name: 'Board',
            slug: 'fz-board',
            script: 'app.py',
            runtimeId: f.runtimeId,
            profile: 'small',
          }),
        )
      ).id;
      await ok(api('post', `${project}/models`, { name: 'scorer' }));
      const build = await ok(
        api('post', `${project}/models/scorer/builds`, {
          filePath: 'model.py',
          functionName: 'predict',
          runtimeId: f.runtimeId,
        }),
      );
      f.buildId = build.id;
      f.keyId = (
        await ok(api('post', `${project}/models/scorer/keys`, { name: 'fuzz' }))
      ).id;
      await waitFor(
        async () =>
          (await api('get', `/workloads/${run.id}`)).body.state === 'running',
        'the hold run',
      );
    });

    afterAll(() => backend?.stop());

    it('answers no malformed request with a 5xx', async () => {
      const valid = {
        path: {
          workspace: 'fz',
          profile: 'small',
          quotaId: f.quotaId,
          runtimeId: f.runtimeId,
          projectId: f.projectId,
          subject: 'user:default/jane',
          sessionId: f.sessionId,
          jobId: f.jobId,
          workloadId: f.workloadId,
          appId: f.appId,
          modelId: 'scorer',
          buildId: f.buildId,
          deploymentId: OTHER_UUID,
          keyId: f.keyId,
        },
      };
      const bodies = validBodies(f);
      const queries: Record<string, Record<string, string>> = {
        'GET /projects/{projectId}/files/content': { path: 'notes.txt' },
        'PUT /projects/{projectId}/files/content': { path: 'fuzz.bin' },
        'DELETE /projects/{projectId}/files': { path: 'notes.txt' },
        'GET /cron/next': { schedule: '0 2 * * *' },
        'GET /workload-api/v1/metrics': { model: 'scorer' },
      };
      const random = seededRandom(SEED);
      const ops = operations().sort((a, b) => order(a) - order(b));
      const cases = ops.flatMap(op =>
        casesFor(
          {
            ...op,
            path: `/api/ml${op.path}`,
            valid: { ...valid, query: queries[op.key], body: bodies[op.key] },
            headers: op.path.startsWith('/workload-api/')
              ? { authorization: `Bearer ${f.token}` }
              : undefined,
          },
          random,
          WIDTH,
        ),
      );

      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      const started = Date.now();
      for (const c of cases) {
        const outcome = await send(server, agent, c);
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
        if (process.env.FUZZ_DUMP) {
          fs.appendFileSync(
            process.env.FUZZ_DUMP,
            `${outcome.status}\t${c.operation}\t${c.name}\t${
              outcome.message ?? ''
            }\n`.slice(0, 400),
          );
        }
        if (outcome.status >= 500 || outcome.status === 0) {
          failures.push(
            `${c.operation} [${c.name}]: ${outcome.status} ${
              outcome.message ?? ''
            }`.slice(0, 300),
          );
        }
      }
      agent.destroy();
      const seconds = (Date.now() - started) / 1000;

      const histogram = [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}: ${n}`)
        .join(', ');
      // The failures are in the summary too: it is the line a shortened CI
      // log keeps, while the assertion's diff below may be cut.
      // eslint-disable-next-line no-console
      console.log(
        `fuzz (${databaseId}, seed ${SEED}): ${ops.length} operations, ${
          cases.length
        } cases in ${seconds.toFixed(1)} s; statuses ${histogram}; ${
          failures.length
        } failures${failures.map(failure => `\n  ${failure}`).join('')}`,
      );
      expect(ops.length).toBeGreaterThanOrEqual(90);
      const walked = new Set(cases.map(c => c.operation));
      expect(walked.size).toBe(ops.length);
      // The routes open without a Backstage token are walked too.
      expect(walked).toContain('POST /model');
      expect(walked).toContain(
        'POST /projects/{projectId}/models/{modelId}/predict',
      );
      expect(failures).toEqual([]);
    });
  },
);

/** Bodies that would be accepted, so that one wrong field at a time gets past the others. */
function validBodies(
  f: Record<string, string>,
): Record<string, Record<string, unknown>> {
  const project = '/projects/{projectId}';
  const model = `${project}/models/{modelId}`;
  const run = { runtimeId: f.runtimeId, profile: 'small' };
  return {
    'POST /workspaces': { name: 'fz-new', nodeGroups: [STANDARD_NODE_GROUP] },
    'PATCH /workspaces/{workspace}': { description: 'd' },
    'POST /workspaces/{workspace}/profiles': {
      name: 'tiny',
      cpu: 0.25,
      memoryMiB: 128,
    },
    'PATCH /workspaces/{workspace}/profiles/{profile}': { description: 'd' },
    'POST /workspaces/{workspace}/quotas': {
      subject: 'group:default/other',
      cpu: 1,
      memoryMiB: 1024,
    },
    'PATCH /workspaces/{workspace}/quotas/{quotaId}': { cpu: 1 },
    'POST /runtimes': {
      editor: 'Workbench',
      kernel: 'Python 3',
      edition: 'Fuzz',
      shortVersion: '9',
      maintenanceVersion: 1,
      command: 'python3',
    },
    'PATCH /runtimes/{runtimeId}': { description: 'd' },
    'POST /projects': { workspace: 'fz', name: 'fz-new' },
    [`PATCH ${project}`]: { description: 'd' },
    [`PUT ${project}/collaborators/{subject}`]: { role: 'viewer' },
    [`POST ${project}/files/directories`]: { path: 'dir' },
    [`POST ${project}/files/rename`]: { from: 'notes.txt', to: 'notes-2.txt' },
    [`POST ${project}/sessions`]: run,
    [`POST ${project}/sessions/{sessionId}/execute`]: { code: '1 + 1' },
    [`POST ${project}/jobs`]: { name: 'fz-new', script: 'job.py', ...run },
    [`PATCH ${project}/jobs/{jobId}`]: { enabled: true },
    [`POST ${project}/jobs/{jobId}/runs`]: {},
    [`POST ${project}/applications`]: {
      name: 'New',
      slug: 'fz-new',
      script: 'app.py',
      ...run,
    },
    [`PATCH ${project}/applications/{appId}`]: { name: 'Renamed' },
    [`POST ${project}/models`]: { name: 'fz-new' },
    [`PATCH ${model}`]: { description: 'd' },
    [`POST ${model}/builds`]: {
      filePath: 'model.py',
      functionName: 'predict',
      runtimeId: f.runtimeId,
    },
    [`POST ${model}/deployments`]: { buildId: f.buildId, profile: 'small' },
    [`PATCH ${model}/deployments/{deploymentId}`]: { replicas: 1 },
    [`POST ${model}/keys`]: { name: 'k' },
    'POST /model': { request: { a: 1 } },
    [`POST ${model}/predict`]: { a: 1 },
    'POST /workload-api/v1/metrics': {
      points: [{ name: 'm', value: 1, model: 'scorer' }],
    },
    'POST /workload-api/v1/delayed-metrics': {
      predictionUuid: OTHER_UUID,
      metrics: { a: 1 },
    },
    'POST /workload-api/v1/aggregate-metrics': {
      metrics: { accuracy: 0.9 },
      start: 1767225600000,
      end: 1767229200000,
      model: 'scorer',
    },
  };
}
