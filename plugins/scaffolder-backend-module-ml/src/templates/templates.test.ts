// The ML backend plugin runs in these tests (a dev dependency only).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { createTestDatabases } from '@ml-platform/plugin-ml-backend/testUtils';
import {
  Portal,
  loadTemplate,
  startPortal,
} from '../__testUtils__/startPortal';

jest.setTimeout(600_000);
const databases = createTestDatabases();

/**
 * Each template of templates/ run for real: the scaffolder backend runs the
 * task (fetch:template + the ML actions), the ML plugin creates everything
 * and the local driver runs builds, replicas and applications as python3
 * processes.
 */
describe.each(databases.eachSupportedId())(
  'templates run through the scaffolder on %s',
  databaseId => {
    let portal: Portal;
    let runtimeId: string;

    beforeAll(async () => {
      portal = await startPortal(
        await Promise.all(
          [
            'blank-python.yaml',
            'training-project.yaml',
            'model-dashboard.yaml',
            'full-stack.yaml',
            'self-healing-model.yaml',
          ].map(loadTemplate),
        ),
        { databases, databaseId },
      );
      const runtimes = await portal.call(
        'GET',
        '/api/ml/runtimes?enabled=true',
      );
      if (runtimes.status !== 200) {
        throw new Error(`Listing runtimes gave ${runtimes.status}`);
      }
      runtimeId = runtimes.body.items[0].id;
    });

    afterAll(async () => {
      await portal?.stop();
    });

    /** Waits until the task ends; its status, output and log lines. */
    async function waitForTask(taskId: string) {
      const deadline = Date.now() + 240_000;
      for (;;) {
        const task = await portal.call(
          'GET',
          `/api/scaffolder/v2/tasks/${taskId}`,
        );
        const status: string = task.body.status;
        const ended = ['completed', 'failed', 'cancelled'].includes(status);
        if (ended || Date.now() > deadline) {
          const events = await portal.call(
            'GET',
            `/api/scaffolder/v2/tasks/${taskId}/events`,
          );
          const completion = events.body.find(
            (e: any) => e.type === 'completion',
          );
          const log: string = events.body
            .map((e: any) => e.body.message)
            .filter(Boolean)
            .join('\n');
          return { status, output: completion?.body.output, log };
        }
        await new Promise(resolve => setTimeout(resolve, 500));
      }
    }

    async function startTask(
      name: string,
      values: Record<string, unknown>,
    ): Promise<string> {
      const created = await portal.call('POST', '/api/scaffolder/v2/tasks', {
        templateRef: `template:default/${name}`,
        values,
      });
      expect(created.status).toBe(201);
      return created.body.id;
    }

    async function runTemplate(name: string, values: Record<string, unknown>) {
      const task = await waitForTask(await startTask(name, values));
      if (task.status !== 'completed') {
        throw new Error(`Template ${name} ${task.status}:\n${task.log}`);
      }
      return task.output as { links: any[]; text?: any[] };
    }

    const projectIdFrom = (output: { links: any[] }) =>
      /\/ml\/projects\/([0-9a-f-]{36})/.exec(output.links[0].url)![1];

    async function fileNames(projectId: string) {
      const files = await portal.call(
        'GET',
        `/api/ml/projects/${projectId}/files?recursive=true`,
      );
      return files.body.items
        .filter((f: any) => f.type !== 'directory')
        .map((f: any) => f.path)
        .sort();
    }

    /** A list of a project's things through the ML API, e.g. its `jobs`. */
    async function listOf(projectId: string, what: string) {
      return (await portal.call('GET', `/api/ml/projects/${projectId}/${what}`))
        .body.items;
    }

    /** Values of the templates that make a project with a served model. */
    const modelProjectValues = (name: string, schedule: string) => ({
      name,
      workspace: 'demo',
      runtimeId,
      profile: 'small',
      modelName: 'price-predictor',
      schedule,
    });

    it('(a) blank Python project: creates the project with the rendered skeleton', async () => {
      const output = await runTemplate('ml-blank-python-project', {
        name: 'blank-one',
        title: 'Blank one',
        workspace: 'demo',
        runtimeId,
        profile: 'small',
      });
      const projectId = projectIdFrom(output);
      const project = await portal.call('GET', `/api/ml/projects/${projectId}`);
      expect(project.body).toMatchObject({
        name: 'blank-one',
        workspace: 'demo',
        title: 'Blank one',
      });
      expect(await fileNames(projectId)).toEqual([
        '.gitignore',
        'README.md',
        'main.py',
      ]);
      const main = await portal.call(
        'GET',
        `/api/ml/projects/${projectId}/files/content?path=main.py`,
      );
      expect(main.body).toContain('Hello from blank-one');
      const jobs = await listOf(projectId, 'jobs');
      expect(jobs).toEqual([
        expect.objectContaining({
          name: 'Run main.py',
          script: 'main.py',
          runtimeId,
          profile: 'small',
        }),
      ]);
    });

    let trainingProjectId: string;

    it('(b) training project: jobs, a model built and deployed, and a live prediction', async () => {
      const output = await runTemplate(
        'ml-training-project',
        modelProjectValues('flats', '0 3 * * *'),
      );
      const projectId = projectIdFrom(output);
      trainingProjectId = projectId;
      // The skeleton, and model.json from the first training run (Evaluate may still be running).
      expect(await fileNames(projectId)).toEqual(
        expect.arrayContaining([
          '.gitignore',
          'README.md',
          'build.sh',
          'data.py',
          'evaluate.py',
          'examples/requests.json',
          'lineage.yaml',
          'model.json',
          'model.py',
          'train.py',
        ]),
      );

      const jobs = await listOf(projectId, 'jobs');
      const train = jobs.find((j: any) => j.name === 'Train');
      const evaluate = jobs.find((j: any) => j.name === 'Evaluate');
      expect(train).toMatchObject({
        script: 'train.py',
        schedule: '0 3 * * *',
        runtimeId,
        profile: 'small',
      });
      expect(train.lastRun).toMatchObject({ state: 'succeeded' });
      expect(evaluate).toMatchObject({
        script: 'evaluate.py',
        parentJobId: train.id,
      });

      const models = await listOf(projectId, 'models');
      expect(models).toHaveLength(1);
      const model = models[0];
      expect(output.links[1].url).toBe(
        `/ml/projects/${projectId}/models/${model.id}`,
      );
      expect(output.links[2].entityRef).toBe(
        'model:demo/flats.price-predictor',
      );

      const builds = await listOf(projectId, `models/${model.id}/builds`);
      expect(builds).toHaveLength(1);
      expect(builds[0]).toMatchObject({
        state: 'built',
        datasets: ['flats.flats@ml-platform'],
      });
      // Built from version 1 of the registry: the first training run's model.
      const registeredName = 'demo/flats/price-predictor';
      expect(builds[0].registeredModel).toMatchObject({
        name: registeredName,
        version: '1',
      });
      const mlflowRun = (
        await portal.call(
          'GET',
          `/api/ml/mlflow/api/2.0/mlflow/runs/get?run_id=${builds[0].registeredModel.runId}`,
        )
      ).body.run;
      expect(mlflowRun.data.params).toContainEqual({
        key: 'rows',
        value: '500',
      });
      expect(mlflowRun.data.metrics).toContainEqual(
        expect.objectContaining({ key: 'r2' }),
      );
      expect(mlflowRun.data.tags).toContainEqual({
        key: 'ml.workload_id',
        value: train.lastRun.id,
      });
      const champion = await portal.call(
        'GET',
        `/api/ml/mlflow/api/2.0/mlflow/registered-models/alias?name=${encodeURIComponent(
          registeredName,
        )}&alias=champion`,
      );
      expect(champion.body.model_version).toMatchObject({ version: '1' });

      const deployments = await listOf(
        projectId,
        `models/${model.id}/deployments`,
      );
      expect(deployments).toHaveLength(1);
      expect(deployments[0].state).toBe('deployed');

      const prediction = await portal.call(
        'POST',
        `/api/ml/projects/${projectId}/models/${model.id}/predict`,
        { size: 80 },
      );
      expect(prediction.status).toBe(200);
      expect(prediction.body.success).toBe(true);
      // Trained in the build on prices of 45,000 + 3,200 per m² with noise.
      expect(prediction.body.response.price).toBeGreaterThan(250_000);
      expect(prediction.body.response.price).toBeLessThan(350_000);
      // Served as the first training run made it: the build did not retrain.
      const trained = await portal.call(
        'GET',
        `/api/ml/projects/${projectId}/files/content?path=model.json`,
      );
      // (Portal.call parses the JSON file.)
      expect(prediction.body.response.trainedAt).toBe(trained.body.trainedAt);
      expect(output.text![0].content).toContain(
        `/api/ml/projects/${projectId}/models/${model.id}/predict`,
      );
    });

    it("(c) model dashboard: adds the app to (b)'s project and serves the model's metrics", async () => {
      const output = await runTemplate('ml-model-dashboard', {
        workspace: 'demo',
        projectId: trainingProjectId,
        modelName: 'price-predictor',
        appName: 'Flats dashboard',
        slug: 'flats-dashboard',
        runtimeId,
        profile: 'small',
      });
      expect(await fileNames(trainingProjectId)).toEqual(
        expect.arrayContaining(['DASHBOARD.md', 'app.py', 'train.py']),
      );
      const apps = (
        await portal.call(
          'GET',
          `/api/ml/projects/${trainingProjectId}/applications`,
        )
      ).body.items;
      expect(apps).toHaveLength(1);
      expect(apps[0]).toMatchObject({
        slug: 'flats-dashboard',
        state: 'running',
        env: { MODEL_NAME: 'price-predictor' },
      });
      expect(output.links[0].url).toMatch(
        /\/api\/ml\/apps\/flats-dashboard\/$/,
      );

      // The prediction of (b) is in the metrics the dashboard reads.
      const summary = await portal.call(
        'GET',
        '/api/ml/apps/flats-dashboard/api/summary',
      );
      expect(summary.status).toBe(200);
      expect(summary.body).toMatchObject({ model: 'price-predictor' });
      expect(summary.body.predictions).toBeGreaterThanOrEqual(1);
    });

    it('(d) full stack: project, jobs, live model and a running dashboard in one go', async () => {
      const output = await runTemplate(
        'ml-full-stack',
        modelProjectValues('stack', '30 2 * * *'),
      );
      const projectId = projectIdFrom(output);
      expect(await fileNames(projectId)).toEqual(
        expect.arrayContaining([
          'app.py',
          'model.py',
          'train.py',
          'lineage.yaml',
        ]),
      );
      const jobs = await listOf(projectId, 'jobs');
      expect(jobs.map((j: any) => j.name).sort()).toEqual([
        'Evaluate',
        'Train',
      ]);
      const [model] = await listOf(projectId, 'models');
      const prediction = await portal.call(
        'POST',
        `/api/ml/projects/${projectId}/models/${model.id}/predict`,
        { size: 40 },
      );
      expect(prediction.body.success).toBe(true);
      const apps = (
        await portal.call('GET', `/api/ml/projects/${projectId}/applications`)
      ).body.items;
      expect(apps[0]).toMatchObject({
        slug: 'stack-dashboard',
        state: 'running',
      });
      const page = await portal.call('GET', '/api/ml/apps/stack-dashboard/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('Model price-predictor');
    });

    it('(e) self-healing model: a served model with settings, a baseline, a drift monitor that starts Retrain and a promotion policy', async () => {
      const output = await runTemplate('ml-self-healing-model', {
        name: 'healing',
        workspace: 'demo',
        runtimeId,
        profile: 'small',
        modelName: 'flat-prices',
        windowSeconds: 60,
        driftThreshold: 0.25,
        // The loop itself runs in e2e/selfHealing.test.mjs.
        simulate: false,
      });
      const projectId = /\/ml\/projects\/([0-9a-f-]{36})/.exec(
        output.links[1].url,
      )![1];
      expect(await fileNames(projectId)).toEqual(
        expect.arrayContaining([
          'README.md',
          'build.sh',
          'data.py',
          'data/flats.csv',
          'lineage.yaml',
          'model.py',
          'monitoring.py',
          'retrain.py',
          'simulate.py',
          'train.py',
        ]),
      );
      const [model] = await listOf(projectId, 'models');
      expect(model).toMatchObject({
        name: 'flat-prices',
        disableAuthentication: true,
      });
      const modelPath = `models/${model.id}`;
      expect(output.links[0].url).toBe(
        `/ml/projects/${projectId}/${modelPath}/monitors`,
      );

      const jobs = await listOf(projectId, 'jobs');
      const retrain = jobs.find((j: any) => j.name === 'Retrain');
      expect(retrain).toMatchObject({
        script: 'retrain.py',
        env: { MODEL_ID: model.id },
        candidate: {
          model: 'flat-prices',
          kind: 'build',
          filePath: 'model.py',
          functionName: 'predict',
        },
      });
      const simulator = jobs.find((j: any) => j.name === 'Simulate traffic');
      expect(simulator).toMatchObject({ script: 'simulate.py' });
      expect(simulator.lastRun).toBeFalsy();

      const settings = await portal.call(
        'GET',
        `/api/ml/projects/${projectId}/${modelPath}/monitoring-settings`,
      );
      expect(settings.body).toMatchObject({
        configured: true,
        task: 'regression',
        predictionMetric: 'price',
        truthMetric: 'actual_price',
        features: [{ name: 'size', type: 'numeric' }],
        baselines: [
          expect.objectContaining({
            feature: 'size',
            size: 300,
            source: expect.stringContaining('data/flats.csv'),
          }),
        ],
      });

      const [monitor] = await listOf(projectId, `${modelPath}/monitors`);
      expect(monitor).toMatchObject({
        name: 'size-drift',
        metric: { kind: 'drift', feature: 'size', statistic: 'psi' },
        threshold: 0.25,
        direction: 'above',
        windowSeconds: 60,
        minSamples: 100,
        triggerJobId: retrain.id,
      });
      const policy = await portal.call(
        'GET',
        `/api/ml/projects/${projectId}/${modelPath}/promotion-policy`,
      );
      expect(policy.body).toMatchObject({
        enabled: true,
        metric: 'mae',
        better: 'lower',
        source: 'jobOutput',
      });

      // Trained in the first build on data/flats.csv.
      const prediction = await portal.call(
        'POST',
        `/api/ml/projects/${projectId}/${modelPath}/predict`,
        { size: 80 },
      );
      expect(prediction.body.success).toBe(true);
      expect(prediction.body.response.price).toBeGreaterThan(250_000);
      expect(prediction.body.response.price).toBeLessThan(350_000);
      expect(prediction.body.response.trainedOn).toBe('data/flats.csv');
    });

    it('a failed task, retried, does not create its project twice', async () => {
      const values = modelProjectValues('retried', '0 3 * * *');
      const projectsNamed = async () =>
        (
          await portal.call(
            'GET',
            '/api/ml/projects?workspace=demo&page_size=500',
          )
        ).body.items.filter((p: any) => p.name === 'retried');
      // With the runtime disabled, creating the first job fails after the project exists.
      const disable = await portal.call(
        'PATCH',
        `/api/ml/runtimes/${runtimeId}`,
        { enabled: false },
      );
      expect(disable.status).toBe(200);
      let taskId: string;
      try {
        taskId = await startTask('ml-training-project', values);
        const failed = await waitForTask(taskId);
        expect(failed.status).toBe('failed');
        expect(failed.log).toMatch(/runtimeId: runtime .* is disabled/);
      } finally {
        await portal.call('PATCH', `/api/ml/runtimes/${runtimeId}`, {
          enabled: true,
        });
      }
      const [project] = await projectsNamed();
      expect(await listOf(project.id, 'jobs')).toEqual([]);

      const retry = await portal.call(
        'POST',
        `/api/scaffolder/v2/tasks/${taskId!}/retry`,
        {},
      );
      expect(retry.status).toBe(201);
      const retried = await waitForTask(taskId!);
      expect([
        retried.status,
        retried.status === 'completed' ? '' : retried.log,
      ]).toEqual(['completed', '']);
      expect((await projectsNamed()).map((p: any) => p.id)).toEqual([
        project.id,
      ]);
      const jobs = await listOf(project.id, 'jobs');
      expect(jobs.map((j: any) => j.name).sort()).toEqual([
        'Evaluate',
        'Train',
      ]);
      const models = await listOf(project.id, 'models');
      expect(models).toHaveLength(1);
    });
  },
);
