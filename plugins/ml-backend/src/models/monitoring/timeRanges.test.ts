import request from 'supertest';
import { SettingsStore } from '../../database';
import { WorkloadTokens } from '../../engine/WorkloadTokens';
import {
  MlTestBackend,
  STANDARD_NODE_GROUP,
} from '../../__testUtils__/startMlBackend';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import {
  createProject,
  putProjectFile,
  startPythonBackend,
} from '../../__testUtils__/apiFixtures';

jest.setTimeout(60_000);
const databases = createTestDatabases();

/**
 * Times past year 9999 (8.7e15 ms is past what a JavaScript date can even
 * format) are refused where the monitoring and workload metrics APIs take
 * them, and a row stored before that check does not fail later reads.
 */
describe.each(databases.eachSupportedId())(
  'time ranges of the metrics APIs on %p',
  databaseId => {
    let backend: MlTestBackend;
    let projectId: string;
    let token: string;

    const workloadApi = (method: 'get' | 'post', path: string) =>
      request(backend.server)
        [method](`/api/ml/workload-api/v1${path}`)
        .set('Authorization', `Bearer ${token}`);

    beforeAll(async () => {
      let runtimeId: string;
      // The run stays queued (no reconcile, no node before an hour-long
      // scale-up): its token is valid while it is queued, and nothing runs.
      ({ backend, runtimeId } = await startPythonBackend(
        databases,
        databaseId,
        {
          config: {
            engine: {
              reconcileIntervalSeconds: 3600,
              cronIntervalSeconds: 3600,
            },
          },
          workspace: {
            nodeGroups: [
              {
                ...STANDARD_NODE_GROUP,
                minNodes: 0,
                maxNodes: 1,
                scaleUpDelaySeconds: 3600,
              },
            ],
          },
        },
      ));
      const { server } = backend;
      projectId = await createProject(server, 'times');
      await putProjectFile(
        server,
        projectId,
        'wait.py',
        'import time\ntime.sleep(60)\n',
      );
      await request(server)
        .post(`/api/ml/projects/${projectId}/models`)
        .send({ name: 'scorer' })
        .expect(201);
      const job = await request(server)
        .post(`/api/ml/projects/${projectId}/jobs`)
        .send({ name: 'wait', script: 'wait.py', runtimeId, profile: 'small' })
        .expect(201);
      const run = (
        await request(server)
          .post(`/api/ml/projects/${projectId}/jobs/${job.body.id}/runs`)
          .send({})
          .expect(201)
      ).body;
      token = await new WorkloadTokens(new SettingsStore(backend.knex)).issue({
        workloadId: run.id,
        attempt: run.attempt,
      });
    });

    afterAll(() => backend?.stop());

    it('refuses a tracked point past year 9999 and stores nothing', async () => {
      const before = await backend.knex('model_metric_points').count();
      const res = await workloadApi('post', '/metrics')
        .send({
          points: [{ name: 'drift', value: 1, model: 'scorer', at: 8.7e15 }],
        })
        .expect(400);
      expect(res.body.error.message).toMatch(
        /points\[0\]\.at: must be a time from 1970-01-01T00:00:00Z to 9999-12-31/,
      );
      expect(await backend.knex('model_metric_points').count()).toEqual(before);
      await workloadApi('post', '/metrics')
        .send({
          points: [
            {
              name: 'drift',
              value: 1,
              model: 'scorer',
              at: Date.UTC(2026, 0, 1),
            },
          ],
        })
        .expect(201);
      const read = await workloadApi('get', '/metrics?model=scorer').expect(
        200,
      );
      expect(read.body.metrics).toEqual([
        expect.objectContaining({
          at: '2026-01-01T00:00:00.000Z',
          metrics: { drift: 1 },
        }),
      ]);
    });

    it.each([
      ['/metrics?model=scorer&start=8.7e15', 'start'],
      ['/metrics?model=scorer&end=1e308', 'end'],
      ['/metrics?model=scorer&end=9999-12-31T23:59:59-14:00', 'end'],
      ['/metrics?model=scorer&start=', 'start'],
    ])('refuses the workload metrics read %s', async (path, field) => {
      const res = await workloadApi('get', path).expect(400);
      expect(res.body.error.message).toContain(`${field}: must be`);
    });

    it.each([
      ['metrics?from=8.7e15', 'from'],
      ['metrics?to=8700000000000000', 'to'],
      ['metrics?from=-1', 'from'],
      ['predictions?from=8.7e15', 'from'],
      ['predictions?to=+275760-09-13T00:00:00Z', 'to'],
    ])('refuses the model monitoring read %s', async (path, field) => {
      const res = await request(backend.server)
        .get(`/api/ml/projects/${projectId}/models/scorer/${path}`)
        .expect(400);
      expect(res.body.error.message).toContain(`${field}: must be`);
    });

    it('reads past a point stored out of range before the check', async () => {
      const [row] = await backend
        .knex('model_metric_points')
        .select('*')
        .limit(1);
      const { id: _id, ...copy } = row;
      await backend
        .knex('model_metric_points')
        .insert({ ...copy, at_ms: 8.7e15 });
      const read = await workloadApi('get', '/metrics?model=scorer').expect(
        200,
      );
      expect(read.body.metrics.map((m: any) => m.at)).toEqual([
        '2026-01-01T00:00:00.000Z',
      ]);
      await request(backend.server)
        .get(`/api/ml/projects/${projectId}/models/scorer/metrics`)
        .expect(200);
    });
  },
);
