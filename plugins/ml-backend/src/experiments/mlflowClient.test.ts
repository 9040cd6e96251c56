import { mockCredentials } from '@backstage/backend-test-utils';
import MLflow from 'mlflow';
import { MLflowBase } from 'mlflow/lib/mlflow';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  ALICE,
  startTrackingBackend,
  TrackingBackend,
} from './__testUtils__/trackingBackend';

jest.setTimeout(120_000);
const databases = createTestDatabases();

/**
 * The package has no registry calls of its own; this takes its request
 * core (URL, headers, JSON, the 200 rule) to the registry's endpoints.
 */
class RegistryClient extends MLflowBase {
  constructor(client: MLflow) {
    super({ endpoint: client.endpoint, headers: client.headers });
    this.path = '';
  }

  call(method: 'get' | 'post', path: string, param: object): Promise<any> {
    return this.req(method, path, param);
  }
}

/** What the client throws for a non-200 answer: `Error: {status, data}`. */
function refusal(error: unknown): { status: number; data: any } {
  const text = String((error as Error).message).replace(/^Error: /, '');
  return JSON.parse(text);
}

/**
 * A third-party MLflow client, the `mlflow` package of the npm registry,
 * against the running backend over real HTTP: a whole tracking cycle
 * through the client's own calls, with nothing of ours in between.
 */
describe.each(databases.eachSupportedId())(
  'the npm mlflow client against the tracking server (%s)',
  databaseId => {
    let t: TrackingBackend;
    let client: MLflow;

    beforeAll(async () => {
      t = await startTrackingBackend(databases, databaseId);
      const { port } = (t.backend.server as any).address() as AddressInfo;
      client = new MLflow({
        endpoint: `http://127.0.0.1:${port}/api/ml/mlflow`,
        headers: {
          Authorization: `Bearer ${mockCredentials.user.token(ALICE)}`,
        },
      });
      // The client logs every request body it sends.
      jest.spyOn(console, 'log').mockImplementation(() => {});
    });
    afterAll(async () => {
      jest.restoreAllMocks();
      await t?.backend.stop();
    });

    it('runs a tracking cycle: experiment, runs, logging, search, history, artifacts', async () => {
      const { Experiments, Runs, Metrics, Artifacts } = client;
      // The client sends no tags on create: the name says the project.
      const { experiment_id } = await Experiments.create({
        name: 'churn/npm-client',
        artifact_location: '',
      });
      await Experiments.update({
        experiment_id,
        new_name: 'churn/npm-client-renamed',
      });
      const { experiment } = await Experiments.get({ experiment_id });
      expect(experiment).toMatchObject({
        name: 'churn/npm-client-renamed',
        lifecycle_stage: 'active',
      });

      const runIds: string[] = [];
      for (const [alpha, losses] of [
        ['0.1', [0.9, 0.6, 0.4]],
        ['0.5', [0.8, 0.7, 0.65]],
      ] as const) {
        const { run } = await Runs.create({
          experiment_id,
          start_time: Date.now(),
          tags: [{ key: 'team', value: 'retention' }],
        } as any);
        const run_id = run.info.run_id;
        runIds.push(run_id);
        await Runs.logParameter({ run_id, key: 'alpha', value: alpha });
        for (const [step, value] of losses.entries()) {
          await Runs.logMetric({
            run_id,
            key: 'loss',
            value,
            timestamp: Date.now(),
            step,
          });
        }
        await Runs.logBatch({
          run_id,
          metrics: [
            { key: 'auc', value: 1 - losses[2], timestamp: 1, step: 0 },
          ],
          params: [{ key: 'optimizer', value: 'adam' }],
          tags: [{ key: 'scratch', value: 'yes' }],
        } as any);
        await Runs.setTag({ run_id, key: 'stage', value: 'dev' });
        await Runs.deleteTag({ run_id, key: 'scratch' });
        await Runs.update({
          run_id,
          status: 'FINISHED',
          end_time: Date.now(),
        } as any);
      }

      const { run } = await Runs.get({ run_id: runIds[0] });
      expect(run.info.status).toBe('FINISHED');
      expect(run.data.params).toEqual([
        { key: 'alpha', value: '0.1' },
        { key: 'optimizer', value: 'adam' },
      ]);
      expect(run.data.tags).toContainEqual({ key: 'stage', value: 'dev' });
      expect(run.data.tags).not.toContainEqual(
        expect.objectContaining({ key: 'scratch' }),
      );

      // The best run by its latest loss, with MLflow's grammar.
      const found = await Runs.search({
        experiment_ids: [experiment_id],
        filter: "metrics.loss < 0.66 and params.optimizer = 'adam'",
        order_by: ['metrics.loss ASC'],
        max_results: 1,
      } as any);
      expect(found.runs.map((r: any) => r.info.run_id)).toEqual([runIds[0]]);
      expect(found.next_page_token).toBeDefined();

      const history = await Metrics.getHistory({
        run_id: runIds[0],
        metric_key: 'loss',
      });
      expect(history.metrics.map((m: any) => [m.step, m.value])).toEqual([
        [0, 0.9],
        [1, 0.6],
        [2, 0.4],
      ]);

      // The client has no upload: one PUT as MLflow's own client makes it.
      await request(t.backend.server)
        .put(
          `/api/ml/mlflow/api/2.0/mlflow-artifacts/artifacts/${experiment_id}/${runIds[0]}/artifacts/model/weights.txt`,
        )
        .set('Authorization', mockCredentials.user.header(ALICE))
        .send(Buffer.from('w=1'))
        .expect(200);
      const listed = await Artifacts.list({ run_id: runIds[0], path: 'model' });
      expect(listed.files).toEqual([
        { path: 'model/weights.txt', is_dir: false, file_size: 3 },
      ]);

      await Runs.delete({ run_id: runIds[1] });
      const active = await Runs.search({
        experiment_ids: [experiment_id],
      } as any);
      expect(active.runs.map((r: any) => r.info.run_id)).toEqual([runIds[0]]);
      await Runs.restore({ run_id: runIds[1] });

      await Experiments.delete({ experiment_id });
      expect(
        (await Experiments.get({ experiment_id })).experiment,
      ).toMatchObject({
        lifecycle_stage: 'deleted',
      });
      await Experiments.restore({ experiment_id });
    });

    it('runs a registry cycle through the client: register, version, alias, stage, search', async () => {
      const { Experiments, Runs } = client;
      const { experiment_id } = await Experiments.create({
        name: 'churn/npm-registry',
        artifact_location: '',
      });
      const { run } = await Runs.create({ experiment_id } as any);
      const registry = new RegistryClient(client);
      await registry.call('post', '/registered-models/create', {
        name: 'churn/npm-model',
        description: 'the best churn model',
      });
      const { model_version } = await registry.call(
        'post',
        '/model-versions/create',
        {
          name: 'churn/npm-model',
          source: `runs:/${run.info.run_id}/model`,
          run_id: run.info.run_id,
        },
      );
      expect(model_version).toMatchObject({ version: '1', status: 'READY' });
      await registry.call('post', '/registered-models/alias', {
        name: 'churn/npm-model',
        alias: 'champion',
        version: '1',
      });
      await registry.call('post', '/model-versions/transition-stage', {
        name: 'churn/npm-model',
        version: '1',
        stage: 'Production',
        archive_existing_versions: false,
      });
      const byAlias = await registry.call('get', '/registered-models/alias', {
        name: 'churn/npm-model',
        alias: 'champion',
      });
      expect(byAlias.model_version).toMatchObject({
        version: '1',
        current_stage: 'Production',
        run_id: run.info.run_id,
      });
      const found = await registry.call('get', '/registered-models/search', {
        filter: "name LIKE 'churn/npm%'",
      });
      expect(found.registered_models).toEqual([
        expect.objectContaining({
          name: 'churn/npm-model',
          aliases: [{ alias: 'champion', version: '1' }],
        }),
      ]);
      const uri = await registry.call(
        'get',
        '/model-versions/get-download-uri',
        { name: 'churn/npm-model', version: '1' },
      );
      expect(uri.artifact_uri).toBe(
        `mlflow-artifacts:/${experiment_id}/${run.info.run_id}/artifacts/model`,
      );
    });

    it("surfaces MLflow's error codes to the client", async () => {
      const error = await client.Experiments.get({
        experiment_id: '424242',
      }).catch(e => e);
      expect(refusal(error)).toMatchObject({
        status: 404,
        data: { error_code: 'RESOURCE_DOES_NOT_EXIST' },
      });
    });
  },
);
