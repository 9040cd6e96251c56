import request from 'supertest';
import { runScheduledTask } from '../__testUtils__/intervalScheduler';
import { MlTestBackend } from '../__testUtils__/startMlBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { waitFor } from '../__testUtils__/waitFor';
import {
  createProject,
  putProjectFile,
  putProjectFiles,
  startPythonBackend,
} from '../__testUtils__/apiFixtures';
import {
  LABEL,
  LINEAGE,
  MODEL,
  TRAIN,
  points,
  startClient,
} from './__testUtils__/loopWorkloads';

jest.setTimeout(180_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the MLOps loop through the API with python workloads on %s',
  databaseId => {
    let backend: MlTestBackend;
    let runtimeId: string;
    let projectId: string;
    let modelId: string;
    let jobId: string;
    let accessKey: string;
    let monitorId: string;
    let model: string;

    const api = () => request(backend.server);

    /** A prediction through the gateway with the model's access key. */
    const predict = (x: number) =>
      api().post('/api/ml/model').send({ accessKey, request: { x } });

    const events = async () =>
      (await api().get(`${model}/events?page_size=100`).expect(200)).body
        .items as Array<{ kind: string; message: string; details: any }>;

    /** The outcome of a job run's candidate in the model's history, once there. */
    const outcomeOf = (runId: string) =>
      waitFor(
        async () =>
          (await events()).find(
            e => e.kind.startsWith('candidate_') && e.details.runId === runId,
          ),
        `the outcome of run ${runId}'s candidate`,
        90_000,
      );

    const endedRun = (runId: string) =>
      waitFor(
        async () => {
          const w = (await api().get(`/api/ml/workloads/${runId}`)).body;
          return ['succeeded', 'failed', 'stopped'].includes(w.state) && w;
        },
        `run ${runId} to end`,
        90_000,
      );

    const logOf = async (runId: string) =>
      (
        await api().get(`/api/ml/workloads/${runId}/logs`).expect(200)
      ).body.lines.join('\n') as string;

    const activeDeploymentId = async () =>
      (await api().get(model).expect(200)).body.activeDeploymentId;

    const deployed = (deploymentId: string) =>
      waitFor(
        async () => {
          const d = (
            await api().get(`${model}/deployments/${deploymentId}`).expect(200)
          ).body;
          if (d.state === 'failed') throw new Error(`failed: ${d.reason}`);
          return d.state === 'deployed' && d;
        },
        `deployment ${deploymentId}`,
        90_000,
      );

    /** Runs the monitors' scheduled task until the monitor evaluated a window with a started run. */
    const evaluateUntilTriggered = (previousRuns: number) =>
      waitFor(
        async () => {
          await runScheduledTask('ml-model-monitors');
          const evaluations = (
            await api()
              .get(`${model}/monitors/${monitorId}/evaluations`)
              .expect(200)
          ).body.items as Array<{ triggeredRunId?: string; state: string }>;
          const triggered = evaluations.filter(e => e.triggeredRunId);
          return (
            triggered.length > previousRuns && triggered[0].triggeredRunId!
          );
        },
        'the monitor to start a run of its job',
        60_000,
      );

    beforeAll(async () => {
      ({ backend, runtimeId } = await startPythonBackend(
        databases,
        databaseId,
        {
          config: {
            engine: { cronIntervalSeconds: 3600 },
            serving: { drainSeconds: 1 },
          },
        },
      ));
      projectId = await createProject(backend.server, 'loop');
      await putProjectFiles(backend.server, projectId, {
        'model.py': MODEL,
        'train.py': TRAIN,
        'label.py': LABEL,
        'weights.json': JSON.stringify({ weight: 2 }),
        'lineage.yaml': LINEAGE,
      });
      const created = await api()
        .post(`/api/ml/projects/${projectId}/models`)
        .send({ name: 'scaler' })
        .expect(201);
      modelId = created.body.id;
      model = `/api/ml/projects/${projectId}/models/scaler`;
    });

    afterAll(() => backend?.stop());

    it('serves a deployed build whose declared input is captured, with delayed truth', async () => {
      const build = await api()
        .post(`${model}/builds`)
        .send({ filePath: 'model.py', functionName: 'predict', runtimeId })
        .expect(201);
      await waitFor(
        async () => {
          const b = (await api().get(`${model}/builds/${build.body.id}`)).body;
          if (b.state === 'failed') throw new Error(`failed: ${b.reason}`);
          return b.state === 'built';
        },
        'the first build',
        90_000,
      );
      // The build saved what lineage.yaml declares; by hand it stays so.
      const settings = `${model}/monitoring-settings`;
      expect((await api().get(settings).expect(200)).body).toMatchObject({
        configured: true,
        source: 'lineage',
        task: 'regression',
        predictionMetric: 'prediction',
        truthMetric: 'actual',
        features: [{ name: 'x', type: 'numeric' }],
      });
      await api()
        .put(settings)
        .send({
          task: 'regression',
          predictionMetric: 'prediction',
          truthMetric: 'actual',
          features: [{ name: 'x', type: 'numeric' }],
          baselineSize: 500,
        })
        .expect(200);
      const deployment = await api()
        .post(`${model}/deployments`)
        .send({
          buildId: build.body.id,
          replicas: 1,
          profile: 'small',
          env: { SERVING_MODE: 'loop' },
        })
        .expect(201);
      await deployed(deployment.body.id);
      accessKey = (
        await api().post(`${model}/keys`).send({ name: 'client' }).expect(201)
      ).body.key;

      // Normal inputs: x in [0, 1).
      const truth: Record<string, number> = {};
      for (let i = 0; i < 12; i++) {
        const x = i / 12;
        const res = await predict(x).expect(200);
        expect(res.body.response).toEqual({ y: 2 * x });
        truth[res.body.uuid] = 2 * x;
      }
      const baseline = await api()
        .post(`${model}/drift-baseline`)
        .send({ source: 'predictions', size: 12 })
        .expect(200);
      expect(baseline.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ feature: 'x', size: 12 }),
        ]),
      );

      // The truth arrives later, from a job of the project.
      const label = await api()
        .post(`/api/ml/projects/${projectId}/jobs`)
        .send({
          name: 'label',
          script: 'label.py',
          runtimeId,
          profile: 'small',
        })
        .expect(201);
      const labelling = await api()
        .post(`/api/ml/projects/${projectId}/jobs/${label.body.id}/runs`)
        .send({ env: { TRUTH: JSON.stringify(truth) } })
        .expect(201);
      expect((await endedRun(labelling.body.id)).state).toBe('succeeded');
      const quality = await api()
        .get(`${model}/quality?stepSeconds=3600&from=${Date.now() - 3_600_000}`)
        .expect(200);
      // Each prediction is joined with its truth: the model is exact so far.
      const windows: Array<{ count: number; rmse?: number }> =
        quality.body.windows.filter((w: { count: number }) => w.count > 0);
      expect(windows.reduce((n, w) => n + w.count, 0)).toBe(12);
      expect(windows.map(w => w.rmse)).toEqual(windows.map(() => 0));
    });

    it('alerts on drifted inputs, retrains, and promotes the better candidate with no prediction dropped', async () => {
      // The retrain job offers a build of the project for the model; its
      // promotion policy wants a lower RMSE.
      jobId = (
        await api()
          .post(`/api/ml/projects/${projectId}/jobs`)
          .send({
            name: 'retrain',
            script: 'train.py',
            runtimeId,
            profile: 'small',
            candidate: { model: 'scaler', kind: 'build' },
          })
          .expect(201)
      ).body.id;
      await api()
        .put(`${model}/promotion-policy`)
        .send({ metric: 'rmse', source: 'jobOutput', better: 'lower' })
        .expect(200);
      const monitor = await api()
        .post(`${model}/monitors`)
        .send({
          name: 'x-drift',
          metric: { kind: 'drift', feature: 'x', statistic: 'psi' },
          windowSeconds: 60,
          threshold: 0.5,
          direction: 'above',
          minSamples: 5,
          cooldownSeconds: 0,
          triggerJobId: jobId,
        })
        .expect(201);
      monitorId = monitor.body.id;
      // Windows of 4 s, below what the API takes (60), keep the test short.
      await backend
        .knex('model_monitors')
        .where({ id: monitorId })
        .update({ window_seconds: 4 });

      // The active build has an RMSE of its own to beat: the first retrain
      // (run by hand) is promoted since build #1 has none, with rmse 0.5.
      await putProjectFile(
        backend.server,
        projectId,
        'retrain.json',
        JSON.stringify({
          train: points(2, 0.5, 0),
          holdout: points(2, 0.5, 0),
        }),
      );
      const first = await api()
        .post(`/api/ml/projects/${projectId}/jobs/${jobId}/runs`)
        .send({})
        .expect(201);
      expect((await endedRun(first.body.id)).state).toBe('succeeded');
      const firstPromotion = await outcomeOf(first.body.id);
      expect(firstPromotion.kind).toBe('candidate_promoted');
      expect(firstPromotion.message).toMatch(/has no rmse to beat/);
      const secondDeployment = await deployed(
        firstPromotion.details.deploymentId,
      );
      await waitFor(
        async () =>
          (await activeDeploymentId()) === firstPromotion.details.deploymentId,
        'the first candidate to be active',
        60_000,
      );
      // A promoted deployment keeps the active one's settings.
      expect(secondDeployment).toMatchObject({
        replicas: 1,
        profile: 'small',
        env: { SERVING_MODE: 'loop' },
      });

      // Drift: x around 50 where the baseline had [0, 1). The retrain fits
      // y = 3x exactly.
      await putProjectFile(
        backend.server,
        projectId,
        'retrain.json',
        JSON.stringify({ train: points(3, 0, 50), holdout: points(3, 0, 50) }),
      );
      const client = startClient(predict);
      try {
        const runId = await evaluateUntilTriggered(0);
        // Later windows start no further runs while this one is weighed.
        await api()
          .patch(`${model}/monitors/${monitorId}`)
          .send({ enabled: false })
          .expect(200);
        const listed = (await api().get(`${model}/monitors`).expect(200)).body
          .items[0];
        expect(listed).toMatchObject({ id: monitorId, state: 'alerting' });

        const run = await endedRun(runId);
        expect(run.state).toBe('succeeded');
        const env = JSON.parse(
          (await logOf(runId)).match(/MONITOR_ENV (.*)/)![1],
        );
        expect(env).toMatchObject({
          ML_MONITOR_ID: monitorId,
          ML_MONITOR_NAME: 'x-drift',
          ML_MONITOR_THRESHOLD: '0.5',
          ML_MONITOR_WINDOW_START: expect.stringMatching(/^\d{4}-.*Z$/),
          ML_MONITOR_WINDOW_END: expect.stringMatching(/^\d{4}-.*Z$/),
          ML_MODEL_ID: modelId,
          ML_MODEL_NAME: 'scaler',
        });
        expect(JSON.parse(env.ML_MONITOR_METRIC)).toEqual({
          kind: 'drift',
          feature: 'x',
          statistic: 'psi',
        });
        expect(Number(env.ML_MONITOR_VALUE)).toBeGreaterThan(0.5);

        const promoted = await outcomeOf(runId);
        expect(promoted.kind).toBe('candidate_promoted');
        const sentAtPromotion = client.sent();
        expect(promoted.details).toMatchObject({
          runId,
          candidateValue: 0,
          activeValue: firstPromotion.details.candidateValue,
        });
        expect(promoted.message).toMatch(
          /^Promoted build #3: rmse 0 beats the active 0\.49\d* by 0\.49\d* \(margin 0\)$/,
        );
        const candidate = (
          await api()
            .get(`${model}/builds/${promoted.details.buildId}`)
            .expect(200)
        ).body;
        expect(candidate).toMatchObject({
          state: 'built',
          evaluation: { rmse: 0 },
        });
        await deployed(promoted.details.deploymentId);
        await waitFor(
          async () =>
            (await activeDeploymentId()) === promoted.details.deploymentId,
          'the candidate to be active',
          60_000,
        );
        // The replaced deployment stops once the candidate serves.
        await waitFor(
          async () =>
            (
              await api()
                .get(`${model}/deployments/${secondDeployment.id}`)
                .expect(200)
            ).body.state === 'stopped',
          'the replaced deployment to stop',
          60_000,
        );
        // The client kept calling through the switch.
        await waitFor(
          async () => client.sent() > sentAtPromotion,
          'the client to send after the promotion',
        );
        // The client now reaches the retrained model.
        await waitFor(
          async () => (await predict(2).expect(200)).body.response.y === 6,
          'the retrained weight to serve',
        );
      } finally {
        await client.stop();
      }
      expect(client.sent()).toBeGreaterThan(0);
      expect(client.failures).toEqual([]);

      // The candidate builds read lineage.yaml too, and left the settings set by hand.
      expect(
        (await api().get(`${model}/monitoring-settings`).expect(200)).body,
      ).toMatchObject({ source: 'settings', baselineSize: 500 });
      const kinds = (await events()).map(e => e.kind);
      expect(kinds).toEqual(
        expect.arrayContaining(['monitor_alerting', 'retrain_started']),
      );
      const started = (await events()).find(e => e.kind === 'retrain_started')!;
      expect(started.message).toMatch(/psi drift of x .* is above/);
    });

    it('refuses a worse candidate with its reason, the active build unchanged', async () => {
      const active = await activeDeploymentId();
      const builds = (await api().get(`${model}/builds`).expect(200)).body.items
        .length;
      // The next retrain fits noisy points: a worse RMSE than the active 0.
      await putProjectFile(
        backend.server,
        projectId,
        'retrain.json',
        JSON.stringify({ train: points(3, 2, 50), holdout: points(3, 2, 50) }),
      );
      await api()
        .patch(`${model}/monitors/${monitorId}`)
        .send({ enabled: true })
        .expect(200);
      const client = startClient(predict);
      let runId: string;
      try {
        runId = await evaluateUntilTriggered(1);
        await api()
          .patch(`${model}/monitors/${monitorId}`)
          .send({ enabled: false })
          .expect(200);
      } finally {
        await client.stop();
      }
      expect(client.failures).toEqual([]);
      expect((await endedRun(runId)).state).toBe('succeeded');
      const refused = await outcomeOf(runId);
      expect(refused.kind).toBe('candidate_refused');
      expect(refused.details).toMatchObject({ runId, activeValue: 0 });
      expect(refused.message).toMatch(/does not beat the active 0/);
      expect(await activeDeploymentId()).toBe(active);
      expect(
        (await api().get(`${model}/builds`).expect(200)).body.items.length,
      ).toBe(builds);
    });
  },
);
