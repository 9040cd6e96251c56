import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import request from 'supertest';
import { SettingsStore } from '../../database';
import { WorkloadTokens } from '../../engine/WorkloadTokens';
import { MlTestBackend } from '../../__testUtils__/startMlBackend';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { waitFor } from '../../__testUtils__/waitFor';

jest.setTimeout(180_000);
const databases = createTestDatabases();

const MODEL = `
import ml_platform

def predict(args):
    ml_platform.track_metric("input_a", args["a"])
    return {"sum": args["a"] + args["b"]}
`;

/** Runs in a job: the SDK with the job's own ML_API_URL and ML_WORKLOAD_TOKEN. */
const SDK_CHECK = `
import json, os
import ml_platform

uuid = os.environ["PREDICTION_UUID"]
ml_platform.track_delayed_metrics({"actual": 5}, uuid)
ml_platform.track_delayed_metrics({"actual": 7, "ok": 1}, uuid)  # replaces "actual"
ml_platform.track_metric("drift", 0.25, model="summer")
aggregated = ml_platform.track_aggregate_metrics(
    {"accuracy": 0.875}, 1767225600000, 1767229200000, model="summer")
answer = ml_platform.call_model(os.environ["ACCESS_KEY"], {"a": 20, "b": 1})
one = ml_platform.read_metrics(model="summer", uuid=uuid)
everything = ml_platform.read_metrics(model="summer")
try:
    ml_platform.track_delayed_metrics({"actual": 1}, "00000000-0000-4000-8000-000000000000")
    missing = "stored"
except ml_platform.MlApiError as error:
    missing = error.status
print("RESULT " + json.dumps({"one": one, "everything": everything, "answer": answer, "missing": missing, "aggregated": aggregated}))
`;

/**
 * Runs in a job of another project that claims summer's model id in its own
 * env: the workload API must take the model from the workload's row.
 */
const SPOOF = `
import json, os
import ml_platform

claimed = os.environ["ML_MODEL_ID"]
result = {}
def attempt(name, call):
    try:
        call()
        result[name] = "allowed"
    except ml_platform.MlApiError as error:
        result[name] = error.status
attempt("track_own", lambda: ml_platform.track_metric("stolen", 1))
attempt("track_named", lambda: ml_platform.track_metric("stolen", 1, model=claimed))
attempt("read_own", lambda: ml_platform.read_metrics())
attempt("read_named", lambda: ml_platform.read_metrics(model=claimed))
attempt("aggregate_own", lambda: ml_platform.track_aggregate_metrics({"stolen": 1}, 0, 1))
attempt("aggregate_named", lambda: ml_platform.track_aggregate_metrics({"stolen": 1}, 0, 1, model=claimed))
print("RESULT " + json.dumps(result))
`;
import {
  createProject,
  putProjectFiles,
  startPythonBackend,
} from '../../__testUtils__/apiFixtures';

const user = mockCredentials.user.header();
const asUser = { Authorization: user };

describe.each(databases.eachSupportedId())(
  'serving through the plugin on %p',
  databaseId => {
    let backend: MlTestBackend;
    let projectId: string;
    let runtimeId: string;
    let accessKey: string;

    const api = (method: 'get' | 'post' | 'put', path: string) =>
      request(backend.server)
        [method](`/api/ml${path}`)
        .set('Authorization', user);

    /** Creates a project of workspace `ws` with the given files; answers its id. */
    const projectWith = async (name: string, files: Record<string, string>) => {
      const id = await createProject(backend.server, name, { headers: asUser });
      await putProjectFiles(backend.server, id, files, asUser);
      return id;
    };

    /** Creates a job in a project and starts a run of it; answers the run. */
    const runJob = async (project: string, job: object, run: object = {}) => {
      const created = await api('post', `/projects/${project}/jobs`)
        .send({ runtimeId, profile: 'small', ...job })
        .expect(201);
      return (
        await api('post', `/projects/${project}/jobs/${created.body.id}/runs`)
          .send(run)
          .expect(201)
      ).body;
    };

    /** Summer's metrics of the last hour, in hourly buckets. */
    const summerMetricsOfLastHour = () =>
      api(
        'get',
        `/projects/${projectId}/models/summer/metrics?stepSeconds=3600&from=${
          Date.now() - 3_600_000
        }`,
      ).expect(200);

    /** Waits for a job run to succeed and answers the RESULT line it printed. */
    const resultOfRun = async (runId: string, what: string) => {
      const ended = await waitFor(
        async () => {
          const w = (await api('get', `/workloads/${runId}`)).body;
          return ['succeeded', 'failed'].includes(w.state) && w;
        },
        what,
        60_000,
      );
      const lines: string[] = (
        await api('get', `/workloads/${runId}/logs`).expect(200)
      ).body.lines;
      expect([ended.state, lines.join('\n')]).toEqual([
        'succeeded',
        expect.stringContaining('RESULT '),
      ]);
      return JSON.parse(lines.find(l => l.startsWith('RESULT '))!.slice(7));
    };

    beforeAll(async () => {
      ({ backend, runtimeId } = await startPythonBackend(
        databases,
        databaseId,
        {
          config: { engine: { cronIntervalSeconds: 3600 } },
          // Requests without a token are unauthenticated (the mock's default is a user).
          features: [
            mockServices.httpAuth.factory({
              defaultCredentials: mockCredentials.none(),
            }),
          ],
          profile: { name: 'small', cpu: 0.5, memoryMiB: 512 },
          headers: asUser,
        },
      ));
      projectId = await projectWith('serving', {
        'model.py': MODEL,
        'sdk_check.py': SDK_CHECK,
      });

      const models = `/projects/${projectId}/models`;
      await api('post', models).send({ name: 'summer' }).expect(201);
      const build = await api('post', `${models}/summer/builds`)
        .send({ filePath: 'model.py', functionName: 'predict', runtimeId })
        .expect(201);
      await waitFor(
        async () => {
          const b = (
            await api('get', `${models}/summer/builds/${build.body.id}`)
          ).body;
          if (b.state === 'failed')
            throw new Error(`build failed: ${b.reason}`);
          return b.state === 'built';
        },
        'the build',
        90_000,
      );
      const deployment = await api('post', `${models}/summer/deployments`)
        .send({ buildId: build.body.id, replicas: 1, profile: 'small' })
        .expect(201);
      await waitFor(
        async () =>
          (
            await api(
              'get',
              `${models}/summer/deployments/${deployment.body.id}`,
            )
          ).body.state === 'deployed',
        'the deployment',
        90_000,
      );
      accessKey = (
        await api('post', `${models}/summer/keys`)
          .send({ name: 'test' })
          .expect(201)
      ).body.key;
    });

    afterAll(() => backend?.stop());

    it('opens only the two prediction routes to callers without a Backstage token', async () => {
      const cml = await request(backend.server)
        .post('/api/ml/model')
        .send({ accessKey, request: { a: 1, b: 2 } })
        .expect(200);
      expect(cml.body).toMatchObject({
        success: true,
        response: { sum: 3 },
        replica: 0,
      });
      const predict = await request(backend.server)
        .post(`/api/ml/projects/${projectId}/models/summer/predict`)
        .set('Authorization', `Bearer ${accessKey}`)
        .send({ a: 2, b: 2 })
        .expect(200);
      expect(predict.body.response).toEqual({ sum: 4 });
      await request(backend.server)
        .post(`/api/ml/projects/${projectId}/models/summer/predict`)
        .send({ a: 1, b: 1 })
        .expect(401);

      // Everything else still needs a token, next to the open paths too.
      await request(backend.server).get('/api/ml/projects').expect(401);
      await request(backend.server)
        .get(`/api/ml/projects/${projectId}/models/summer`)
        .expect(401);
      await request(backend.server)
        .get(`/api/ml/projects/${projectId}/models/summer/predictions`)
        .expect(401);
      await request(backend.server)
        .get(`/api/ml/projects/${projectId}/models/summer/metrics`)
        .expect(401);
      await request(backend.server)
        .post(`/api/ml/projects/${projectId}/models/summer/keys`)
        .send({})
        .expect(401);
      // A portal user may call the model with their own token (the Test panel).
      await api('post', `/projects/${projectId}/models/summer/predict`)
        .send({ a: 0, b: 0 })
        .expect(200);
    });

    it('round-trips tracked and delayed metrics through the Python SDK in a job', async () => {
      const prediction = await request(backend.server)
        .post('/api/ml/model')
        .send({ accessKey, request: { a: 40, b: 2 } })
        .expect(200);
      const uuid = prediction.body.uuid;

      const run = await runJob(
        projectId,
        { name: 'sdk-check', script: 'sdk_check.py' },
        { env: { PREDICTION_UUID: uuid, ACCESS_KEY: accessKey } },
      );
      const result = await resultOfRun(run.id, 'the SDK job');

      expect(result.one).toEqual([
        expect.objectContaining({
          predictionUuid: uuid,
          metrics: { input_a: 40 },
          delayedMetrics: { actual: 7, ok: 1 },
        }),
      ]);
      expect(result.everything).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            predictionUuid: uuid,
            delayedMetrics: { actual: 7, ok: 1 },
          }),
          expect.objectContaining({
            predictionUuid: null,
            metrics: { drift: 0.25 },
          }),
        ]),
      );
      expect(result.answer).toMatchObject({
        success: true,
        response: { sum: 21 },
      });
      expect(result.missing).toBe(404);
      expect(result.aggregated).toBe(1);
      const aggregates = await backend
        .knex('model_aggregate_metrics')
        .select('name', 'value', 'start_ms', 'end_ms');
      expect(
        aggregates.map(a => [a.name, a.value, +a.start_ms, +a.end_ms]),
      ).toEqual([['accuracy', 0.875, 1767225600000, 1767229200000]]);

      // The portal's read API shows the same, by uuid and in the metrics buckets.
      const records = await api(
        'get',
        `/projects/${projectId}/models/summer/predictions?uuid=${uuid}`,
      ).expect(200);
      expect(records.body.items).toEqual([
        expect.objectContaining({
          uuid,
          status: 200,
          success: true,
          metrics: { input_a: 40 },
          delayedMetrics: { actual: 7, ok: 1 },
        }),
      ]);
      const metrics = await summerMetricsOfLastHour();
      const requests = metrics.body.buckets.reduce(
        (sum: number, b: any) => sum + b.requests,
        0,
      );
      expect(requests).toBeGreaterThanOrEqual(5);
      const withDelayed = metrics.body.buckets.find(
        (b: any) => b.delayedMetrics.actual !== undefined,
      );
      expect(withDelayed.delayedMetrics).toEqual({ actual: 7, ok: 1 });
      expect(withDelayed.p50Ms).toBeGreaterThan(0);
    });

    it("does not let a workload that sets ML_MODEL_ID to another project's model read or write its metrics", async () => {
      const summer = (
        await api('get', `/projects/${projectId}/models/summer`).expect(200)
      ).body;
      await api('post', '/model')
        .send({ accessKey, request: { a: 3, b: 4 } })
        .expect(200);
      const intruder = await projectWith('intruder', { 'spoof.py': SPOOF });
      const run = await runJob(intruder, {
        name: 'spoof',
        script: 'spoof.py',
        env: {
          ML_MODEL_ID: summer.id,
          ML_DEPLOYMENT_ID: summer.activeDeploymentId ?? summer.id,
        },
      });
      const result = await resultOfRun(run.id, 'the spoofing job');
      // Its own model: it has none (it is a job). A named one: not in its project.
      expect(result).toEqual({
        track_own: 400,
        track_named: 404,
        read_own: 400,
        read_named: 404,
        aggregate_own: 400,
        aggregate_named: 404,
      });

      // Nothing reached summer's metrics.
      const metrics = await summerMetricsOfLastHour();
      expect(
        metrics.body.buckets.every((b: any) => b.metrics.stolen === undefined),
      ).toBe(true);
      expect(
        await backend.knex('model_metric_points').where({ name: 'stolen' }),
      ).toEqual([]);
      expect(
        await backend.knex('model_aggregate_metrics').where({ name: 'stolen' }),
      ).toEqual([]);
    });

    it("refuses metrics of another project's predictions to a workload", async () => {
      const other = await projectWith('other', {
        'wait.py': 'import time\ntime.sleep(60)\n',
      });
      const run = await runJob(other, { name: 'wait', script: 'wait.py' });
      const token = await new WorkloadTokens(
        new SettingsStore(backend.knex),
      ).issue({ workloadId: run.id, attempt: run.attempt });
      const mine = await request(backend.server)
        .post('/api/ml/model')
        .send({ accessKey, request: { a: 1, b: 1 } })
        .expect(200);

      const delayed = await request(backend.server)
        .post('/api/ml/workload-api/v1/delayed-metrics')
        .set('Authorization', `Bearer ${token}`)
        .send({ predictionUuid: mine.body.uuid, metrics: { actual: 1 } })
        .expect(404);
      expect(delayed.body.error.message).toMatch(/this workload's project/);
      await request(backend.server)
        .get('/api/ml/workload-api/v1/metrics?model=summer')
        .set('Authorization', `Bearer ${token}`)
        .expect(404);
      // Without a workload token the workload API answers 401.
      await request(backend.server)
        .get('/api/ml/workload-api/v1/metrics?model=summer')
        .expect(401);
      await request(backend.server)
        .post('/api/ml/workload-api/v1/metrics')
        .set('Authorization', `Bearer ${token}`)
        .send({ points: [{ name: 'x', value: 'high' }] })
        .expect(400);
    });
  },
);
