import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { MlTestBackend } from '../__testUtils__/startMlBackend';
import { waitFor } from '../__testUtils__/waitFor';
import {
  createProject,
  putProjectFiles,
  startPythonBackend,
} from '../__testUtils__/apiFixtures';
import { TRACKING } from './__testUtils__/trackingBackend';

jest.setTimeout(120_000);
const databases = createTestDatabases();

/** Logs one run through the SDK and one through plain HTTP with the env. */
const TRAIN_PY = `
import json, os, urllib.request
from ml_platform import tracking

with tracking.start_run(run_name="sdk-run") as run:
    tracking.log_params({"alpha": 0.5, "epochs": 3})
    for step in range(3):
        tracking.log_metric("loss", 1.0 / (step + 1), step=step)
    tracking.set_tag("framework", "stdlib")
    with open("weights.txt", "w") as f:
        f.write("w=1")
    tracking.log_artifact("weights.txt", artifact_path="model")

base = os.environ["MLFLOW_TRACKING_URI"] + "/api/2.0/mlflow/"
auth = {"Authorization": "Bearer " + os.environ["MLFLOW_TRACKING_TOKEN"]}

def call(endpoint, body=None, query=""):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + endpoint + query, data=data, headers={**auth, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as res:
        return json.loads(res.read())

name = urllib.parse.quote(os.environ["MLFLOW_EXPERIMENT_NAME"])
experiment = call("experiments/get-by-name", query="?experiment_name=" + name)["experiment"]
created = call("runs/create", {"experiment_id": experiment["experiment_id"], "run_name": "http-run"})
run_id = created["run"]["info"]["run_id"]
# json.dumps writes NaN as a bare token, as Python clients do.
call("runs/log-batch", {"run_id": run_id, "metrics": [{"key": "acc", "value": float("nan"), "timestamp": 1, "step": 0}]})
call("runs/update", {"run_id": run_id, "status": "FINISHED", "end_time": 2})
print("tracked", run.run_id, run_id)
`.replace(
  'import json, os, urllib.request',
  'import json, os, urllib.parse, urllib.request',
);

/**
 * MLflow from inside a real job run, as in CML: the platform's env is all
 * the script needs, and its runs are tagged with the job run that made
 * them.
 */
describe.each(databases.eachSupportedId())(
  'tracking from a job run (%s)',
  databaseId => {
    let backend: MlTestBackend;
    let runtimeId: string;

    beforeAll(async () => {
      ({ backend, runtimeId } = await startPythonBackend(
        databases,
        databaseId,
        { config: { engine: { cronIntervalSeconds: 3600 } } },
      ));
    });
    afterAll(() => backend?.stop());

    it('logs through the SDK and through plain HTTP with the injected env', async () => {
      const { server } = backend;
      const projectId = await createProject(server, 'tracked');
      await putProjectFiles(server, projectId, { 'train.py': TRAIN_PY });
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
      }, 'the job run to end');
      const logs = await request(server).get(
        `/api/ml/workloads/${started.body.id}/logs`,
      );
      // The log tells why, should the run fail.
      expect({ state: ended.state, logs: logs.text }).toEqual({
        state: 'succeeded',
        logs: expect.stringContaining('tracked '),
      });

      // The project's default experiment, named after it, was made on demand.
      const experiment = await request(server)
        .get(`${TRACKING}/experiments/get-by-name`)
        .query({ experiment_name: 'tracked' })
        .expect(200);
      const experimentId = experiment.body.experiment.experiment_id;
      const found = await request(server)
        .post(`${TRACKING}/runs/search`)
        .send({
          experiment_ids: [experimentId],
          filter: `tags.\`ml.workload_id\` = '${started.body.id}'`,
          order_by: ['attributes.run_name ASC'],
        })
        .expect(200);
      const [httpRun, sdkRun] = found.body.runs;
      expect(found.body.runs).toHaveLength(2);
      for (const run of [httpRun, sdkRun]) {
        expect(run.info.status).toBe('FINISHED');
        expect(run.data.tags).toEqual(
          expect.arrayContaining([
            { key: 'ml.workload_id', value: started.body.id },
            { key: 'ml.job_id', value: job.body.id },
            { key: 'ml.project_id', value: projectId },
          ]),
        );
      }
      expect(sdkRun.info.run_name).toBe('sdk-run');
      expect(sdkRun.data.params).toEqual([
        { key: 'alpha', value: '0.5' },
        { key: 'epochs', value: '3' },
      ]);
      expect(sdkRun.data.metrics).toEqual([
        expect.objectContaining({ key: 'loss', value: 1 / 3, step: 2 }),
      ]);
      expect(sdkRun.data.tags).toContainEqual({
        key: 'framework',
        value: 'stdlib',
      });
      expect(httpRun.data.metrics).toEqual([
        expect.objectContaining({ key: 'acc', value: 'NaN' }),
      ]);
      expect(logs.text).toContain(
        `tracked ${sdkRun.info.run_id} ${httpRun.info.run_id}`,
      );

      const artifact = await request(server)
        .get(
          `/api/ml/mlflow/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${sdkRun.info.run_id}/artifacts/model/weights.txt`,
        )
        .expect(200);
      expect(artifact.text).toBe('w=1');

      const history = await request(server)
        .get(`${TRACKING}/metrics/get-history`)
        .query({ run_id: sdkRun.info.run_id, metric_key: 'loss' })
        .expect(200);
      expect(history.body.metrics.map((m: any) => m.step)).toEqual([0, 1, 2]);
    });
  },
);
