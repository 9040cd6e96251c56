import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  ALICE,
  BOB,
  mlflowError,
  startTrackingBackend,
  TrackingBackend,
  VERA,
} from './__testUtils__/trackingBackend';

jest.setTimeout(120_000);
const databases = createTestDatabases();

/**
 * The experiment endpoints of MLflow's REST API 2.0 on the wire, against
 * the protos and REST docs: fields, codes, statuses, project permissions.
 */
describe.each(databases.eachSupportedId())(
  'MLflow experiments API (%s)',
  databaseId => {
    let t: TrackingBackend;

    beforeAll(async () => {
      t = await startTrackingBackend(databases, databaseId);
    });
    afterAll(() => t?.backend.stop());

    it('creates an experiment in the project the tag names and gets it by id and by name', async () => {
      const before = Date.now();
      const id = await t.experiment('baseline');
      expect(id).toMatch(/^\d+$/);

      const got = await t
        .call('get', 'experiments/get', ALICE, { experiment_id: id })
        .expect(200);
      expect(got.body).toEqual({
        experiment: {
          experiment_id: id,
          name: 'baseline',
          artifact_location: `mlflow-artifacts:/${id}`,
          lifecycle_stage: 'active',
          creation_time: expect.any(Number),
          last_update_time: expect.any(Number),
          tags: [{ key: 'ml.project_id', value: t.projectId }],
        },
      });
      expect(got.body.experiment.creation_time).toBeGreaterThanOrEqual(before);

      const byName = await t
        .call('get', 'experiments/get-by-name', VERA, {
          experiment_name: 'baseline',
        })
        .expect(200);
      expect(byName.body.experiment.experiment_id).toBe(id);
    });

    it('takes the project from a name like <project>/<experiment> when no tag names it', async () => {
      const res = await t
        .call('post', 'experiments/create', ALICE, { name: 'churn/by-name' })
        .expect(200);
      const got = await t
        .call('get', 'experiments/get', ALICE, {
          experiment_id: res.body.experiment_id,
        })
        .expect(200);
      expect(got.body.experiment.tags).toContainEqual({
        key: 'ml.project_id',
        value: t.projectId,
      });
    });

    it.each([
      ['no name', {}, /Invalid experiment name: ''/],
      ['no project', { name: 'no-project' }, /Say which ML project/],
      [
        'a location of its own',
        { name: 'x', artifact_location: 's3://bucket/x' },
        /artifact_location/,
      ],
      [
        'a name over 500 characters',
        { name: 'x'.repeat(501) },
        /maximum length of 500/,
      ],
    ])(
      'refuses creating an experiment with %s: INVALID_PARAMETER_VALUE',
      async (_case, body, message) => {
        const res = await t.call('post', 'experiments/create', ALICE, body);
        expect(res).toMatchObject(
          mlflowError(400, 'INVALID_PARAMETER_VALUE', message),
        );
      },
    );

    it('refuses a taken name with RESOURCE_ALREADY_EXISTS (400)', async () => {
      await t.experiment('taken');
      const res = await t.call('post', 'experiments/create', ALICE, {
        name: 'taken',
        tags: [{ key: 'ml.project_id', value: t.projectId }],
      });
      expect(res).toMatchObject(
        mlflowError(400, 'RESOURCE_ALREADY_EXISTS', /taken/),
      );
    });

    it('reports unknown experiments as RESOURCE_DOES_NOT_EXIST (404)', async () => {
      for (const experiment_id of ['999999', 'not-a-number']) {
        const res = await t.call('get', 'experiments/get', ALICE, {
          experiment_id,
        });
        expect(res).toMatchObject(
          mlflowError(404, 'RESOURCE_DOES_NOT_EXIST', /No Experiment with id=/),
        );
      }
      const byName = await t.call('get', 'experiments/get-by-name', ALICE, {
        experiment_name: 'nothing-like-it',
      });
      expect(byName).toMatchObject(mlflowError(404, 'RESOURCE_DOES_NOT_EXIST'));
    });

    it('renames, deletes and restores an experiment, with its runs', async () => {
      const id = await t.experiment('to-rename');
      const runId = await t.run(id);
      await t
        .call('post', 'experiments/update', ALICE, {
          experiment_id: id,
          new_name: 'renamed',
        })
        .expect(200, {});
      await t
        .call('post', 'experiments/delete', ALICE, { experiment_id: id })
        .expect(200, {});
      const deleted = await t
        .call('get', 'experiments/get', ALICE, { experiment_id: id })
        .expect(200);
      expect(deleted.body.experiment).toMatchObject({
        name: 'renamed',
        lifecycle_stage: 'deleted',
      });
      const run = await t.call('get', 'runs/get', ALICE, { run_id: runId });
      expect(run.body.run.info.lifecycle_stage).toBe('deleted');
      const noRun = await t.call('post', 'runs/create', ALICE, {
        experiment_id: id,
      });
      expect(noRun).toMatchObject(
        mlflowError(
          400,
          'INVALID_PARAMETER_VALUE',
          /must be in the 'active' state/,
        ),
      );

      await t
        .call('post', 'experiments/restore', ALICE, { experiment_id: id })
        .expect(200, {});
      const restored = await t.call('get', 'runs/get', ALICE, {
        run_id: runId,
      });
      expect(restored.body.run.info.lifecycle_stage).toBe('active');
    });

    it('sets and deletes experiment tags, but never the platform ones', async () => {
      const id = await t.experiment('tagged');
      await t
        .call('post', 'experiments/set-experiment-tag', ALICE, {
          experiment_id: id,
          key: 'team',
          value: 'retention',
        })
        .expect(200, {});
      const got = await t.call('get', 'experiments/get', ALICE, {
        experiment_id: id,
      });
      expect(got.body.experiment.tags).toContainEqual({
        key: 'team',
        value: 'retention',
      });

      const platform = await t.call(
        'post',
        'experiments/set-experiment-tag',
        ALICE,
        {
          experiment_id: id,
          key: 'ml.project_id',
          value: 'elsewhere',
        },
      );
      expect(platform).toMatchObject(
        mlflowError(400, 'INVALID_PARAMETER_VALUE', /set by the ML platform/),
      );
      await t
        .call('post', 'experiments/delete-experiment-tag', ALICE, {
          experiment_id: id,
          key: 'team',
        })
        .expect(200, {});
    });

    it('names the missing field, and refuses unknown endpoints with ENDPOINT_NOT_FOUND', async () => {
      const missing = await t.call('get', 'experiments/get', ALICE, {});
      expect(missing).toMatchObject(
        mlflowError(
          400,
          'INVALID_PARAMETER_VALUE',
          /Missing value for required parameter 'experiment_id'/,
        ),
      );
      const unknown = await t.call('post', 'experiments/frobnicate', ALICE, {});
      expect(unknown).toMatchObject(mlflowError(404, 'ENDPOINT_NOT_FOUND'));
    });

    it('answers callers without a token with UNAUTHENTICATED (401)', async () => {
      const res = await t.call('get', 'experiments/get', undefined, {
        experiment_id: '1',
      });
      expect(res).toMatchObject(mlflowError(401, 'UNAUTHENTICATED'));
    });

    it("keeps another project's experiments from a non-member, and changes from a viewer", async () => {
      const id = await t.experiment('private-work');
      for (const [method, endpoint, input] of [
        ['get', 'experiments/get', { experiment_id: id }],
        ['get', 'experiments/get-by-name', { experiment_name: 'private-work' }],
        ['post', 'experiments/update', { experiment_id: id, new_name: 'mine' }],
        ['post', 'experiments/delete', { experiment_id: id }],
        ['post', 'runs/create', { experiment_id: id }],
      ] as const) {
        const res = await t.call(method, endpoint, BOB, input);
        expect(res).toMatchObject(mlflowError(404, 'RESOURCE_DOES_NOT_EXIST'));
      }
      const create = await t.call('post', 'experiments/create', BOB, {
        name: 'intruder',
        tags: [{ key: 'ml.project_id', value: t.projectId }],
      });
      expect(create).toMatchObject(mlflowError(404, 'RESOURCE_DOES_NOT_EXIST'));

      const read = await t
        .call('get', 'experiments/get', VERA, { experiment_id: id })
        .expect(200);
      expect(read.body.experiment.name).toBe('private-work');
      const write = await t.call('post', 'experiments/delete', VERA, {
        experiment_id: id,
      });
      expect(write).toMatchObject(
        mlflowError(403, 'PERMISSION_DENIED', /contributor role/),
      );
      // Nothing changed.
      const after = await t
        .call('get', 'experiments/get', ALICE, { experiment_id: id })
        .expect(200);
      expect(after.body.experiment).toMatchObject({
        name: 'private-work',
        lifecycle_stage: 'active',
      });
    });
  },
);
