import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  ALICE,
  BOB,
  mlflowError,
  startTrackingBackend,
  TRACKING,
  TrackingBackend,
  VERA,
} from './__testUtils__/trackingBackend';

jest.setTimeout(120_000);
const databases = createTestDatabases();

/**
 * The run endpoints of MLflow's REST API 2.0 on the wire: runs, logging,
 * MLflow's limits and immutability rule, metric history and its paging.
 */
describe.each(databases.eachSupportedId())(
  'MLflow runs API (%s)',
  databaseId => {
    let t: TrackingBackend;
    let experimentId: string;
    const getRun = async (runId: string) =>
      (await t.call('get', 'runs/get', ALICE, { run_id: runId }).expect(200))
        .body.run;

    beforeAll(async () => {
      t = await startTrackingBackend(databases, databaseId);
      experimentId = await t.experiment('runs');
    });
    afterAll(() => t?.backend.stop());

    it('creates a run with its info, its name tag and the platform tags', async () => {
      const res = await t
        .call('post', 'runs/create', ALICE, {
          experiment_id: experimentId,
          run_name: 'first',
          start_time: '1767225600000',
          tags: [{ key: 'stage', value: 'dev' }],
        })
        .expect(200);
      const { run } = res.body;
      expect(run.info).toEqual({
        run_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        run_uuid: run.info.run_id,
        run_name: 'first',
        experiment_id: experimentId,
        user_id: ALICE,
        status: 'RUNNING',
        start_time: 1767225600000,
        artifact_uri: `mlflow-artifacts:/${experimentId}/${run.info.run_id}/artifacts`,
        lifecycle_stage: 'active',
      });
      expect(run.data.tags).toEqual(
        expect.arrayContaining([
          { key: 'stage', value: 'dev' },
          { key: 'mlflow.runName', value: 'first' },
          { key: 'mlflow.user', value: ALICE },
          { key: 'ml.project_id', value: t.projectId },
        ]),
      );
      expect(run.inputs).toEqual({ dataset_inputs: [] });
    });

    it('names a run it was not given a name for', async () => {
      const run = await getRun(await t.run(experimentId));
      expect(run.info.run_name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
    });

    it('updates status, end time and name, and deletes and restores', async () => {
      const runId = await t.run(experimentId, 'to-update');
      const updated = await t
        .call('post', 'runs/update', ALICE, {
          run_uuid: runId,
          status: 'FINISHED',
          end_time: 1767225700000,
          run_name: 'updated',
        })
        .expect(200);
      expect(updated.body.run_info).toMatchObject({
        run_id: runId,
        status: 'FINISHED',
        end_time: 1767225700000,
        run_name: 'updated',
      });
      await t
        .call('post', 'runs/delete', ALICE, { run_id: runId })
        .expect(200, {});
      expect((await getRun(runId)).info.lifecycle_stage).toBe('deleted');
      const logToDeleted = await t.call('post', 'runs/log-parameter', ALICE, {
        run_id: runId,
        key: 'a',
        value: '1',
      });
      expect(logToDeleted).toMatchObject(
        mlflowError(
          400,
          'INVALID_PARAMETER_VALUE',
          /must be in the 'active' state/,
        ),
      );
      await t
        .call('post', 'runs/restore', ALICE, { run_id: runId })
        .expect(200, {});
      expect((await getRun(runId)).info.lifecycle_stage).toBe('active');
    });

    it('logs metrics, params and tags, and keeps the latest metric by step', async () => {
      const runId = await t.run(experimentId);
      for (const [value, step] of [
        [0.9, 0],
        [0.5, 2],
        [0.7, 1],
      ]) {
        await t
          .call('post', 'runs/log-metric', ALICE, {
            run_id: runId,
            key: 'loss',
            value,
            timestamp: 1767225600000 + step,
            step,
          })
          .expect(200, {});
      }
      await t
        .call('post', 'runs/log-parameter', ALICE, {
          run_id: runId,
          key: 'alpha',
          value: '0.5',
        })
        .expect(200, {});
      await t
        .call('post', 'runs/set-tag', ALICE, {
          run_id: runId,
          key: 'note',
          value: 'x',
        })
        .expect(200, {});
      const run = await getRun(runId);
      expect(run.data.metrics).toEqual([
        { key: 'loss', value: 0.5, timestamp: 1767225600002, step: 2 },
      ]);
      expect(run.data.params).toEqual([{ key: 'alpha', value: '0.5' }]);
      expect(run.data.tags).toContainEqual({ key: 'note', value: 'x' });

      await t
        .call('post', 'runs/delete-tag', ALICE, { run_id: runId, key: 'note' })
        .expect(200, {});
      const missingTag = await t.call('post', 'runs/delete-tag', ALICE, {
        run_id: runId,
        key: 'note',
      });
      expect(missingTag).toMatchObject(
        mlflowError(404, 'RESOURCE_DOES_NOT_EXIST'),
      );
    });

    it('accepts the same param value again but never a changed one', async () => {
      const runId = await t.run(experimentId);
      const log = (value: string) =>
        t.call('post', 'runs/log-parameter', ALICE, {
          run_id: runId,
          key: 'depth',
          value,
        });
      await log('3').expect(200, {});
      await log('3').expect(200, {});
      const changed = await log('5');
      expect(changed).toMatchObject(
        mlflowError(
          400,
          'INVALID_PARAMETER_VALUE',
          /Changing param values is not allowed/,
        ),
      );
      const batch = await t.call('post', 'runs/log-batch', ALICE, {
        run_id: runId,
        params: [{ key: 'depth', value: '4' }],
        metrics: [{ key: 'm', value: 1, timestamp: 1, step: 0 }],
      });
      expect(batch.status).toBe(400);
      // The refused batch wrote nothing, its metric neither.
      const run = await getRun(runId);
      expect(run.data.params).toEqual([{ key: 'depth', value: '3' }]);
      expect(run.data.metrics).toEqual([]);
    });

    it.each([
      ['metrics', 1001, /at most 1000 metrics/],
      ['params', 101, /at most 100 params/],
      ['tags', 101, /at most 100 tags/],
    ])(
      'refuses a batch of %s over MLflow’s limit (%i) and writes none of it',
      async (field, count, message) => {
        const runId = await t.run(experimentId);
        const items = Array.from({ length: count }, (_, i) =>
          field === 'metrics'
            ? { key: `m${i}`, value: i, timestamp: 1, step: 0 }
            : { key: `k${i}`, value: String(i) },
        );
        const res = await t.call('post', 'runs/log-batch', ALICE, {
          run_id: runId,
          [field]: items,
        });
        expect(res).toMatchObject(
          mlflowError(400, 'INVALID_PARAMETER_VALUE', message),
        );
        const run = await getRun(runId);
        expect(run.data.metrics).toEqual([]);
        expect(run.data.params).toEqual([]);
      },
    );

    it.each([
      [{ key: '../up', value: 1, timestamp: 1 }, /would resolve to/],
      [{ key: 'bad*key', value: 1, timestamp: 1 }, /Invalid metric name/],
      [
        { key: 'k', value: 'high', timestamp: 1 },
        /for parameter 'metrics.0.value'/,
      ],
      [{ key: 'k', value: 1, timestamp: -1 }, /nonnegative/],
      [
        { key: 'k', value: 1 },
        /Missing value for required parameter 'metrics.0.timestamp'/,
      ],
    ])(
      'refuses the metric %j with INVALID_PARAMETER_VALUE',
      async (metric, message) => {
        const runId = await t.run(experimentId);
        const res = await t.call('post', 'runs/log-batch', ALICE, {
          run_id: runId,
          metrics: [metric],
        });
        expect(res).toMatchObject(
          mlflowError(400, 'INVALID_PARAMETER_VALUE', message),
        );
      },
    );

    it("takes Python's NaN and Infinity, and int64 fields as strings", async () => {
      const runId = await t.run(experimentId);
      await request(t.backend.server)
        .post(`${TRACKING}/runs/log-batch`)
        .set('Authorization', `Bearer ${mockCredentials.user.token(ALICE)}`)
        .set('Content-Type', 'application/json')
        .send(
          `{"run_id": "${runId}", "metrics": [{"key": "a", "value": NaN, "timestamp": "5", "step": "1"}, {"key": "b", "value": -Infinity, "timestamp": 5, "step": 0}]}`,
        )
        .expect(200, {});
      const run = await getRun(runId);
      expect(run.data.metrics).toEqual([
        { key: 'a', value: 'NaN', timestamp: 5, step: 1 },
        { key: 'b', value: '-Infinity', timestamp: 5, step: 0 },
      ]);
    });

    it('records dataset inputs once, and log-model in the history tag', async () => {
      const runId = await t.run(experimentId);
      const dataset = {
        tags: [{ key: 'mlflow.data.context', value: 'training' }],
        dataset: {
          name: 'customers',
          digest: 'abc123',
          source_type: 'local',
          source: '{"uri": "data.csv"}',
        },
      };
      for (let i = 0; i < 2; i++) {
        await t
          .call('post', 'runs/log-inputs', ALICE, {
            run_id: runId,
            datasets: [dataset],
          })
          .expect(200, {});
      }
      await t
        .call('post', 'runs/log-model', ALICE, {
          run_id: runId,
          model_json: JSON.stringify({
            artifact_path: 'model',
            flavors: { python_function: {} },
          }),
        })
        .expect(200, {});
      const run = await getRun(runId);
      expect(run.inputs.dataset_inputs).toEqual([dataset]);
      const history = run.data.tags.find(
        (tag: any) => tag.key === 'mlflow.log-model.history',
      );
      expect(JSON.parse(history.value)).toEqual([
        { artifact_path: 'model', flavors: { python_function: {} } },
      ]);
    });

    it('pages a metric history in step order', async () => {
      const runId = await t.run(experimentId);
      await t
        .call('post', 'runs/log-batch', ALICE, {
          run_id: runId,
          metrics: Array.from({ length: 25 }, (_, step) => ({
            key: 'acc',
            value: step / 100,
            timestamp: 1000 + step,
            step: 24 - step,
          })),
        })
        .expect(200, {});
      const steps: number[] = [];
      let pageToken: string | undefined;
      let pages = 0;
      do {
        const page = await t
          .call('get', 'metrics/get-history', VERA, {
            run_id: runId,
            metric_key: 'acc',
            max_results: 10,
            ...(pageToken ? { page_token: pageToken } : {}),
          })
          .expect(200);
        steps.push(...page.body.metrics.map((m: any) => m.step));
        pageToken = page.body.next_page_token;
        pages++;
      } while (pageToken);
      expect(pages).toBe(3);
      expect(steps).toEqual(Array.from({ length: 25 }, (_, i) => i));

      const badToken = await t.call('get', 'metrics/get-history', ALICE, {
        run_id: runId,
        metric_key: 'acc',
        page_token: 'garbage',
      });
      expect(badToken).toMatchObject(
        mlflowError(400, 'INVALID_PARAMETER_VALUE', /page token/),
      );
    });

    it("keeps another project's runs from a non-member, and logging from a viewer", async () => {
      const runId = await t.run(experimentId);
      for (const [method, endpoint, input] of [
        ['get', 'runs/get', { run_id: runId }],
        ['post', 'runs/log-parameter', { run_id: runId, key: 'x', value: '1' }],
        ['post', 'runs/update', { run_id: runId, status: 'KILLED' }],
        ['post', 'runs/delete', { run_id: runId }],
        ['get', 'metrics/get-history', { run_id: runId, metric_key: 'loss' }],
        ['post', 'runs/search', { experiment_ids: [experimentId] }],
      ] as const) {
        const res = await t.call(method, endpoint, BOB, input);
        expect(res).toMatchObject(mlflowError(404, 'RESOURCE_DOES_NOT_EXIST'));
      }
      await t.call('get', 'runs/get', VERA, { run_id: runId }).expect(200);
      const viewerLog = await t.call('post', 'runs/log-parameter', VERA, {
        run_id: runId,
        key: 'x',
        value: '1',
      });
      expect(viewerLog).toMatchObject(mlflowError(403, 'PERMISSION_DENIED'));
      expect((await getRun(runId)).data.params).toEqual([]);
    });
  },
);
