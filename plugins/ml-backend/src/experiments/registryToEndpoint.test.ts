import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { MlTestBackend } from '../__testUtils__/startMlBackend';
import { waitFor } from '../__testUtils__/waitFor';
import {
  createProject,
  finishedBuild,
  putProjectFiles,
  startPythonBackend,
} from '../__testUtils__/apiFixtures';
import { TRACKING } from './__testUtils__/trackingBackend';

jest.setTimeout(180_000);
const databases = createTestDatabases();

/**
 * Trains and logs an MLflow model: MLmodel (pyfunc, loaded by the
 * project's churn_loader) and its weights, plus the dataset it read.
 */
const TRAIN_PY = `
import json, os
from ml_platform import tracking

os.makedirs("out/model", exist_ok=True)
with open("out/model/weights.json", "w") as f:
    json.dump({"cut": 12}, f)
with open("out/model/MLmodel", "w") as f:
    f.write("artifact_path: model\\nflavors:\\n  python_function:\\n    loader_module: churn_loader\\n    data: weights.json\\n")
with tracking.start_run(run_name="cut-12") as run:
    tracking.log_param("cut", 12)
    tracking.log_metric("accuracy", 0.81)
    tracking.call("POST", "runs/log-inputs", {"run_id": run.run_id, "datasets": [{"tags": [], "dataset": {"name": "warehouse.customers", "digest": "d1", "source_type": "table", "source": "{}"}}]})
    for name in ("MLmodel", "weights.json"):
        tracking.log_artifact("out/model/" + name, artifact_path="model")
print("run", run.run_id)
`;

const LOADER_PY = `
import json

class Churn:
    def __init__(self, weights):
        self.cut = weights["cut"]

    def predict(self, args):
        return {"churn": args["tenure"] < self.cut}

def _load_pyfunc(path):
    with open(path) as f:
        return Churn(json.load(f))
`;

/**
 * CML's loop through the registry: a job logs a model to its experiment,
 * the run's model is registered, a build is made from the registered
 * version with the platform's pyfunc wrapper, deployed and called; the
 * lineage runs from the dataset through the run and the version.
 */
describe.each(databases.eachSupportedId())(
  'from the registry to an endpoint (%s)',
  databaseId => {
    let backend: MlTestBackend;
    let runtimeId: string;

    beforeAll(async () => {
      ({ backend, runtimeId } = await startPythonBackend(
        databases,
        databaseId,
        {
          config: {
            engine: { cronIntervalSeconds: 3600 },
            serving: { drainSeconds: 0 },
          },
        },
      ));
    });
    afterAll(() => backend?.stop());

    it('registers a run’s model, builds it from the version, serves it and shows the lineage', async () => {
      const { server } = backend;
      const projectId = await createProject(server, 'churn');
      await putProjectFiles(server, projectId, {
        'train.py': TRAIN_PY,
        'churn_loader.py': LOADER_PY,
      });
      const job = await request(server)
        .post(`/api/ml/projects/${projectId}/jobs`)
        .send({
          name: 'train',
          script: 'train.py',
          runtimeId,
          profile: 'small',
        })
        .expect(201);
      const started = await request(server)
        .post(`/api/ml/projects/${projectId}/jobs/${job.body.id}/runs`)
        .expect(201);
      const ended = await waitFor(async () => {
        const res = await request(server).get(
          `/api/ml/workloads/${started.body.id}`,
        );
        return ['succeeded', 'failed'].includes(res.body.state) && res.body;
      }, 'the training run');
      const logs = await request(server).get(
        `/api/ml/workloads/${started.body.id}/logs`,
      );
      expect({ state: ended.state, logs: logs.text }).toEqual({
        state: 'succeeded',
        logs: expect.stringContaining('run '),
      });
      const runId = /run ([0-9a-f]{32})/.exec(logs.text)![1];

      await request(server)
        .post(`${TRACKING}/registered-models/create`)
        .send({
          name: 'churn-classifier',
          tags: [{ key: 'ml.project_id', value: projectId }],
        })
        .expect(200);
      const version = await request(server)
        .post(`${TRACKING}/model-versions/create`)
        .send({
          name: 'churn-classifier',
          source: `runs:/${runId}/model`,
          run_id: runId,
        })
        .expect(200);
      expect(version.body.model_version).toMatchObject({
        name: 'churn-classifier',
        version: '1',
        run_id: runId,
      });

      const base = `/api/ml/projects/${projectId}/models`;
      await request(server)
        .post(base)
        .send({ name: 'classifier', description: '' })
        .expect(201);
      const build = await request(server)
        .post(`${base}/classifier/builds`)
        .send({
          registeredModel: { name: 'churn-classifier', version: '1' },
          runtimeId,
          examples: [{ request: { tenure: 3 } }],
        })
        .expect(201);
      expect(build.body.registeredModel).toEqual({
        name: 'churn-classifier',
        version: '1',
        runId,
        runName: 'cut-12',
        experimentId: expect.any(String),
        datasets: ['warehouse.customers'],
      });
      const built = await finishedBuild(
        server,
        `${base}/classifier/builds/${build.body.id}`,
      );
      expect(built).toMatchObject({ state: 'built' });
      const deployment = await request(server)
        .post(`${base}/classifier/deployments`)
        .send({ buildId: built.id, profile: 'small' })
        .expect(201);
      await waitFor(async () => {
        const res = await request(server).get(
          `${base}/classifier/deployments/${deployment.body.id}`,
        );
        return res.body.state === 'deployed';
      }, 'the deployment');
      const prediction = await request(server)
        .post(`${base}/classifier/predict`)
        .set('Authorization', mockCredentials.user.header())
        .send({ tenure: 3 })
        .expect(200);
      expect(prediction.body.response).toEqual({ churn: true });

      const lineage = (
        await request(server).get(`${base}/classifier/lineage`).expect(200)
      ).body;
      expect(lineage.edges).toEqual(
        expect.arrayContaining([
          {
            from: 'dataset:warehouse.customers',
            to: `experimentRun:${runId}`,
            type: 'trainedOn',
          },
          {
            from: `experimentRun:${runId}`,
            to: 'modelVersion:churn-classifier/1',
            type: 'registeredAs',
          },
          {
            from: 'modelVersion:churn-classifier/1',
            to: `build:${built.id}`,
            type: 'builtFrom',
          },
          {
            from: `build:${built.id}`,
            to: `deployment:${deployment.body.id}`,
            type: 'deployedAs',
          },
        ]),
      );
      expect(lineage.nodes).toContainEqual(
        expect.objectContaining({
          id: `experimentRun:${runId}`,
          kind: 'experimentRun',
          label: 'cut-12',
        }),
      );
    });

    it('refuses a build from a version that is not there, and changes nothing', async () => {
      const { server } = backend;
      const projectId = await createProject(server, 'nothing-registered');
      const base = `/api/ml/projects/${projectId}/models`;
      await request(server)
        .post(base)
        .send({ name: 'm', description: '' })
        .expect(201);
      const refused = await request(server)
        .post(`${base}/m/builds`)
        .send({ registeredModel: { name: 'nope', version: '1' }, runtimeId })
        .expect(404);
      expect(refused.body.error.message).toMatch(
        /no version 1 of a registered model 'nope'/,
      );
      const none = await request(server)
        .post(`${base}/m/builds`)
        .send({ runtimeId })
        .expect(400);
      expect(none.body.error.message).toMatch(/registeredModel/);
      expect(
        (await request(server).get(`${base}/m/builds`).expect(200)).body.items,
      ).toEqual([]);
    });
  },
);
