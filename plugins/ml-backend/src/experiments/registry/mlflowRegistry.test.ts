import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import {
  ALICE,
  BOB,
  startTrackingBackend,
  TRACKING,
  TrackingBackend,
  VERA,
} from '../__testUtils__/trackingBackend';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const mlflowError = (status: number, code: string, message?: RegExp) => ({
  status,
  body: { error_code: code, message: message ?? expect.any(String) },
});

type Method = 'get' | 'post' | 'patch' | 'delete';

/**
 * The model registry endpoints of MLflow's REST API 2.0 on the wire
 * (`model_registry.proto`): fields, methods, codes and statuses, stages,
 * aliases, searches and project permissions.
 */
describe.each(databases.eachSupportedId())(
  'MLflow model registry API (%s)',
  databaseId => {
    let t: TrackingBackend;
    let experimentId: string;
    let runId: string;

    /** A call with any of MLflow's methods; GET sends a query string. */
    const call = (
      method: Method,
      endpoint: string,
      ref: string | undefined,
      input?: object,
    ) => {
      const test = request(t.backend.server)
        [method](`${TRACKING}/${endpoint}`)
        .set(ref ? { Authorization: mockCredentials.user.header(ref) } : {});
      return method === 'get'
        ? test.query(input ?? {})
        : test.send(input ?? {});
    };
    const createModel = async (name: string, extra: object = {}) =>
      (
        await call('post', 'registered-models/create', ALICE, {
          name,
          tags: [{ key: 'ml.project_id', value: t.projectId }],
          ...extra,
        }).expect(200)
      ).body.registered_model;
    const createVersion = async (name: string, path = 'model') =>
      (
        await call('post', 'model-versions/create', ALICE, {
          name,
          source: `runs:/${runId}/${path}`,
          run_id: runId,
        }).expect(200)
      ).body.model_version;
    const getModel = async (name: string) =>
      (await call('get', 'registered-models/get', ALICE, { name }).expect(200))
        .body.registered_model;

    beforeAll(async () => {
      t = await startTrackingBackend(databases, databaseId);
      experimentId = await t.experiment('registry');
      runId = await t.run(experimentId, 'train');
      await createModel('refusals');
    });
    afterAll(() => t?.backend.stop());

    it('creates a registered model in the project the tag names and gets it', async () => {
      const before = Date.now();
      const created = await createModel('churn-model', {
        description: 'Predicts churn',
        tags: [
          { key: 'ml.project_id', value: t.projectId },
          { key: 'team', value: 'growth' },
        ],
      });
      expect(created).toEqual({
        name: 'churn-model',
        creation_timestamp: expect.any(Number),
        last_updated_timestamp: expect.any(Number),
        description: 'Predicts churn',
        latest_versions: [],
        tags: [
          { key: 'ml.project_id', value: t.projectId },
          { key: 'team', value: 'growth' },
        ],
        aliases: [],
      });
      expect(created.creation_timestamp).toBeGreaterThanOrEqual(before);
      expect(await getModel('churn-model')).toEqual(created);
    });

    it('takes the project from a name like <project>/<model> when no tag names it', async () => {
      const res = await call('post', 'registered-models/create', ALICE, {
        name: 'churn/by-name',
      }).expect(200);
      expect(res.body.registered_model.tags).toEqual([
        { key: 'ml.project_id', value: t.projectId },
      ]);
    });

    it.each([
      ['no name', {}, 400, 'INVALID_PARAMETER_VALUE', /cannot be empty/],
      [
        'no project',
        { name: 'lost', tags: [] },
        400,
        'INVALID_PARAMETER_VALUE',
        /Say which ML project/,
      ],
      [
        'a platform tag',
        {
          name: 'tagged',
          tags: [
            { key: 'ml.project_id', value: 'x' },
            { key: 'ml.job_id', value: 'y' },
          ],
        },
        400,
        'INVALID_PARAMETER_VALUE',
        /ml\.job_id/,
      ],
      [
        'a taken name',
        { name: 'churn-model' },
        400,
        'RESOURCE_ALREADY_EXISTS',
        /Registered Model \(name=churn-model\) already exists/,
      ],
    ])(
      'refuses creating a registered model with %s',
      async (_case, body, status, code, message) => {
        const res = await call('post', 'registered-models/create', ALICE, {
          tags: [{ key: 'ml.project_id', value: t.projectId }],
          ...body,
        });
        expect(res).toMatchObject(mlflowError(status, code, message));
      },
    );

    it('renames (POST) and updates (PATCH) a registered model', async () => {
      await createModel('old-name');
      const renamed = await call('post', 'registered-models/rename', ALICE, {
        name: 'old-name',
        new_name: 'new-name',
      }).expect(200);
      expect(renamed.body.registered_model.name).toBe('new-name');
      expect(
        await call('get', 'registered-models/get', ALICE, { name: 'old-name' }),
      ).toMatchObject(
        mlflowError(
          404,
          'RESOURCE_DOES_NOT_EXIST',
          /Registered Model with name=old-name not found/,
        ),
      );
      const updated = await call('patch', 'registered-models/update', ALICE, {
        name: 'new-name',
        description: 'now described',
      }).expect(200);
      expect(updated.body.registered_model).toMatchObject({
        name: 'new-name',
        description: 'now described',
      });
      expect(
        await call('post', 'registered-models/rename', ALICE, {
          name: 'new-name',
          new_name: 'churn-model',
        }),
      ).toMatchObject(mlflowError(400, 'RESOURCE_ALREADY_EXISTS'));
    });

    it('sets and deletes (DELETE) registered model tags, answering {}', async () => {
      await createModel('tags-model');
      const set = await call('post', 'registered-models/set-tag', ALICE, {
        name: 'tags-model',
        key: 'stage',
        value: 'beta',
      }).expect(200);
      expect(set.body).toEqual({});
      expect((await getModel('tags-model')).tags).toContainEqual({
        key: 'stage',
        value: 'beta',
      });
      const deleted = await call(
        'delete',
        'registered-models/delete-tag',
        ALICE,
        { name: 'tags-model', key: 'stage' },
      ).expect(200);
      expect(deleted.body).toEqual({});
      expect((await getModel('tags-model')).tags).toEqual([
        { key: 'ml.project_id', value: t.projectId },
      ]);
      // A tag that is not there: no error, as in MLflow.
      await call('delete', 'registered-models/delete-tag', ALICE, {
        name: 'tags-model',
        key: 'stage',
      }).expect(200);
      expect(
        await call('post', 'registered-models/set-tag', ALICE, {
          name: 'tags-model',
          key: 'ml.project_id',
          value: 'elsewhere',
        }),
      ).toMatchObject(mlflowError(400, 'INVALID_PARAMETER_VALUE', /ml\./));
    });

    it('creates versions 1, 2, 3 of a run artifact, READY at once', async () => {
      await createModel('versions-model');
      const first = await createVersion('versions-model');
      expect(first).toEqual({
        name: 'versions-model',
        version: '1',
        creation_timestamp: expect.any(Number),
        last_updated_timestamp: expect.any(Number),
        user_id: ALICE,
        current_stage: 'None',
        source: `runs:/${runId}/model`,
        run_id: runId,
        status: 'READY',
        tags: [],
        aliases: [],
      });
      const second = await call('post', 'model-versions/create', ALICE, {
        name: 'versions-model',
        source: `mlflow-artifacts:/${experimentId}/${runId}/artifacts/model`,
        description: 'from the store URI',
        tags: [{ key: 'framework', value: 'sklearn' }],
      }).expect(200);
      expect(second.body.model_version).toMatchObject({
        version: '2',
        run_id: runId,
        description: 'from the store URI',
        tags: [{ key: 'framework', value: 'sklearn' }],
      });
      expect((await createVersion('versions-model', 'other')).version).toBe(
        '3',
      );

      const got = await call('get', 'model-versions/get', VERA, {
        name: 'versions-model',
        version: '2',
      }).expect(200);
      expect(got.body.model_version).toEqual(second.body.model_version);
      const uri = await call('get', 'model-versions/get-download-uri', ALICE, {
        name: 'versions-model',
        version: '3',
      }).expect(200);
      expect(uri.body).toEqual({
        artifact_uri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts/other`,
      });
    });

    it.each([
      ['a source outside runs', () => ({ source: 's3://bucket/model' }), 400],
      [
        'another run_id than the source',
        () => ({ run_id: 'f'.repeat(32) }),
        400,
      ],
      [
        'an unknown run',
        () => ({ source: `runs:/${'e'.repeat(32)}/model` }),
        404,
      ],
      [
        'a path leaving the run',
        () => ({ source: `runs:/${runId}/../x` }),
        400,
      ],
      ['no source', () => ({ source: undefined }), 400],
    ])(
      'refuses a model version with %s, registering nothing',
      async (_case, body, status) => {
        const res = await call('post', 'model-versions/create', ALICE, {
          name: 'refusals',
          source: `runs:/${runId}/model`,
          ...body(),
        });
        expect(res).toMatchObject(
          mlflowError(
            status,
            status === 404
              ? 'RESOURCE_DOES_NOT_EXIST'
              : 'INVALID_PARAMETER_VALUE',
          ),
        );
        expect((await getModel('refusals')).latest_versions).toEqual([]);
      },
    );

    it("refuses a run of another project than the model's", async () => {
      const other = await request(t.backend.server)
        .post('/api/ml/projects')
        .set({ Authorization: mockCredentials.user.header(ALICE) })
        .send({ workspace: 'ws', name: 'fraud', visibility: 'private' })
        .expect(201);
      const created = await call('post', 'experiments/create', ALICE, {
        name: 'fraud-exp',
        tags: [{ key: 'ml.project_id', value: other.body.id }],
      }).expect(200);
      const otherRun = await t.run(created.body.experiment_id);
      await createModel('cross-project');
      const res = await call('post', 'model-versions/create', ALICE, {
        name: 'cross-project',
        source: `runs:/${otherRun}/model`,
      });
      expect(res).toMatchObject(
        mlflowError(400, 'INVALID_PARAMETER_VALUE', /another project/),
      );

      // Deleting that project deletes its models: the name is free again.
      await call('post', 'registered-models/create', ALICE, {
        name: 'fraud-model',
        tags: [{ key: 'ml.project_id', value: other.body.id }],
      }).expect(200);
      await request(t.backend.server)
        .delete(`/api/ml/projects/${other.body.id}`)
        .set({ Authorization: mockCredentials.user.header(ALICE) })
        .expect(204);
      await createModel('fraud-model');
    });

    it('moves versions through stages and answers the latest per stage', async () => {
      await createModel('staged');
      for (let i = 0; i < 3; i++) await createVersion('staged');
      const transition = (version: string, stage: string, archive = false) =>
        call('post', 'model-versions/transition-stage', ALICE, {
          name: 'staged',
          version,
          stage,
          archive_existing_versions: archive,
        });
      const moved = await transition('1', 'production').expect(200);
      expect(moved.body.model_version).toMatchObject({
        version: '1',
        current_stage: 'Production',
      });
      await transition('2', 'Staging').expect(200);

      const latest = await call(
        'get',
        'registered-models/get-latest-versions',
        ALICE,
        { name: 'staged' },
      ).expect(200);
      expect(
        latest.body.model_versions.map((v: any) => [
          v.current_stage,
          v.version,
        ]),
      ).toEqual([
        ['None', '3'],
        ['Staging', '2'],
        ['Production', '1'],
      ]);
      const asked = await call(
        'post',
        'registered-models/get-latest-versions',
        ALICE,
        { name: 'staged', stages: ['Production'] },
      ).expect(200);
      expect(asked.body.model_versions.map((v: any) => v.version)).toEqual([
        '1',
      ]);
      expect(
        (await getModel('staged')).latest_versions.map((v: any) => v.version),
      ).toEqual(['3', '2', '1']);

      await transition('3', 'Production', true).expect(200);
      const versions = await Promise.all(
        ['1', '2', '3'].map(
          async version =>
            (
              await call('get', 'model-versions/get', ALICE, {
                name: 'staged',
                version,
              }).expect(200)
            ).body.model_version.current_stage,
        ),
      );
      expect(versions).toEqual(['Archived', 'Staging', 'Production']);

      expect(await transition('1', 'Shipped')).toMatchObject(
        mlflowError(
          400,
          'INVALID_PARAMETER_VALUE',
          /Invalid Model Version stage/,
        ),
      );
      expect(await transition('1', 'Archived', true)).toMatchObject(
        mlflowError(400, 'INVALID_PARAMETER_VALUE', /not an Active stage/),
      );
      expect(
        await call('get', 'registered-models/get-latest-versions', ALICE, {
          name: 'staged',
          stages: 'Nowhere',
        }),
      ).toMatchObject(mlflowError(400, 'INVALID_PARAMETER_VALUE'));
    });

    it('updates (PATCH), tags and deletes (DELETE) versions; numbers are never reused', async () => {
      await createModel('lifecycle');
      await createVersion('lifecycle');
      await createVersion('lifecycle');
      const key = { name: 'lifecycle', version: '2' };
      const updated = await call('patch', 'model-versions/update', ALICE, {
        ...key,
        description: 'better',
      }).expect(200);
      expect(updated.body.model_version.description).toBe('better');
      expect(
        (
          await call('post', 'model-versions/set-tag', ALICE, {
            ...key,
            key: 'validated',
            value: 'yes',
          }).expect(200)
        ).body,
      ).toEqual({});
      const tagged = await call('get', 'model-versions/get', ALICE, key);
      expect(tagged.body.model_version.tags).toEqual([
        { key: 'validated', value: 'yes' },
      ]);
      await call('delete', 'model-versions/delete-tag', ALICE, {
        ...key,
        key: 'validated',
      }).expect(200);
      expect(
        (await call('get', 'model-versions/get', ALICE, key)).body.model_version
          .tags,
      ).toEqual([]);

      const deleted = await call(
        'delete',
        'model-versions/delete',
        ALICE,
        key,
      ).expect(200);
      expect(deleted.body).toEqual({});
      expect(await call('get', 'model-versions/get', ALICE, key)).toMatchObject(
        mlflowError(
          404,
          'RESOURCE_DOES_NOT_EXIST',
          /Model Version \(name=lifecycle, version=2\) not found/,
        ),
      );
      expect((await createVersion('lifecycle')).version).toBe('3');
      expect(
        await call('get', 'model-versions/get', ALICE, {
          name: 'lifecycle',
          version: 'two',
        }),
      ).toMatchObject(mlflowError(400, 'INVALID_PARAMETER_VALUE', /integer/));
    });

    it('points aliases at versions, moves and deletes them', async () => {
      await createModel('aliased');
      await createVersion('aliased');
      await createVersion('aliased');
      const setAlias = (alias: string, version: string) =>
        call('post', 'registered-models/alias', ALICE, {
          name: 'aliased',
          alias,
          version,
        });
      expect((await setAlias('champion', '1').expect(200)).body).toEqual({});
      await setAlias('challenger', '2').expect(200);
      const byAlias = await call('get', 'registered-models/alias', VERA, {
        name: 'aliased',
        alias: 'champion',
      }).expect(200);
      expect(byAlias.body.model_version).toMatchObject({
        version: '1',
        aliases: ['champion'],
      });
      expect((await getModel('aliased')).aliases).toEqual([
        { alias: 'challenger', version: '2' },
        { alias: 'champion', version: '1' },
      ]);

      await setAlias('champion', '2').expect(200);
      const moved = await call('get', 'model-versions/get', ALICE, {
        name: 'aliased',
        version: '2',
      });
      expect(moved.body.model_version.aliases).toEqual([
        'challenger',
        'champion',
      ]);

      for (const reserved of ['latest', 'Latest', 'v1', 'V12']) {
        expect(await setAlias(reserved, '1')).toMatchObject(
          mlflowError(400, 'INVALID_PARAMETER_VALUE', /reserved/),
        );
      }
      expect(await setAlias('ghost', '9')).toMatchObject(
        mlflowError(404, 'RESOURCE_DOES_NOT_EXIST'),
      );

      // DELETE's fields in the query string, as some clients send them.
      await request(t.backend.server)
        .delete(`${TRACKING}/registered-models/alias`)
        .query({ name: 'aliased', alias: 'champion' })
        .set({ Authorization: mockCredentials.user.header(ALICE) })
        .expect(200);
      expect(
        await call('get', 'registered-models/alias', ALICE, {
          name: 'aliased',
          alias: 'champion',
        }),
      ).toMatchObject(
        mlflowError(
          404,
          'RESOURCE_DOES_NOT_EXIST',
          /Registered model alias champion not found/,
        ),
      );

      // Deleting a version drops the aliases that point at it.
      await call('delete', 'model-versions/delete', ALICE, {
        name: 'aliased',
        version: '2',
      }).expect(200);
      expect((await getModel('aliased')).aliases).toEqual([]);
    });

    it('deletes (DELETE) a registered model with its versions', async () => {
      await createModel('doomed');
      await createVersion('doomed');
      const res = await call('delete', 'registered-models/delete', ALICE, {
        name: 'doomed',
      }).expect(200);
      expect(res.body).toEqual({});
      expect(
        await call('get', 'registered-models/get', ALICE, { name: 'doomed' }),
      ).toMatchObject(mlflowError(404, 'RESOURCE_DOES_NOT_EXIST'));
      const versions = await call('get', 'model-versions/search', ALICE, {
        filter: "name = 'doomed'",
      }).expect(200);
      expect(versions.body).toEqual({ model_versions: [] });
    });

    it('searches registered models with filter, order and pages', async () => {
      for (const name of ['search-b', 'search-a', 'search-c']) {
        await createModel(name);
      }
      await call('post', 'registered-models/set-tag', ALICE, {
        name: 'search-b',
        key: 'kind',
        value: 'tree',
      }).expect(200);
      const names = (body: any) =>
        body.registered_models.map((m: any) => m.name);

      const all = await call('get', 'registered-models/search', VERA, {
        filter: "name LIKE 'search-%'",
      }).expect(200);
      expect(names(all.body)).toEqual(['search-a', 'search-b', 'search-c']);
      expect(all.body.next_page_token).toBeUndefined();

      const desc = await call('get', 'registered-models/search', ALICE, {
        filter: "name LIKE 'search-%'",
        order_by: ['name DESC'],
      }).expect(200);
      expect(names(desc.body)).toEqual(['search-c', 'search-b', 'search-a']);

      const tagged = await call('get', 'registered-models/search', ALICE, {
        filter: "tags.kind = 'tree'",
      }).expect(200);
      expect(names(tagged.body)).toEqual(['search-b']);

      const seen: string[] = [];
      let pageToken: string | undefined;
      do {
        const page = await call('get', 'registered-models/search', ALICE, {
          filter: "name ILIKE 'SEARCH-%'",
          max_results: 2,
          ...(pageToken ? { page_token: pageToken } : {}),
        }).expect(200);
        seen.push(...names(page.body));
        pageToken = page.body.next_page_token;
      } while (pageToken);
      expect(seen).toEqual(['search-a', 'search-b', 'search-c']);

      for (const query of [
        { filter: 'name = ' },
        { filter: 'metrics.x > 1' },
        { order_by: ['version_number'] },
        { max_results: 1001 },
        { page_token: 'not a token' },
      ]) {
        expect(
          await call('get', 'registered-models/search', ALICE, query),
        ).toMatchObject(mlflowError(400, 'INVALID_PARAMETER_VALUE'));
      }
    });

    it('searches model versions with filter, order and pages', async () => {
      await createModel('vsearch');
      for (let i = 0; i < 3; i++) await createVersion('vsearch', `m${i}`);
      const versions = (body: any) =>
        body.model_versions.map((v: any) => v.version);

      const byName = await call('get', 'model-versions/search', VERA, {
        filter: "name = 'vsearch'",
      }).expect(200);
      expect(versions(byName.body)).toEqual(['3', '2', '1']);

      const filtered = await call('get', 'model-versions/search', ALICE, {
        filter: `name = 'vsearch' AND run_id = '${runId}' AND version_number > 1`,
        order_by: ['version_number ASC'],
      }).expect(200);
      expect(versions(filtered.body)).toEqual(['2', '3']);

      const bySource = await call('get', 'model-versions/search', ALICE, {
        filter: "name = 'vsearch' AND source_path LIKE '%/m1'",
      }).expect(200);
      expect(versions(bySource.body)).toEqual(['2']);

      const first = await call('get', 'model-versions/search', ALICE, {
        filter: "name = 'vsearch'",
        max_results: 2,
      }).expect(200);
      expect(versions(first.body)).toEqual(['3', '2']);
      const rest = await call('get', 'model-versions/search', ALICE, {
        filter: "name = 'vsearch'",
        max_results: 2,
        page_token: first.body.next_page_token,
      }).expect(200);
      expect(versions(rest.body)).toEqual(['1']);
      expect(rest.body.next_page_token).toBeUndefined();

      expect(
        await call('get', 'model-versions/search', ALICE, {
          filter: "run_id NOT IN ('x')",
        }),
      ).toMatchObject(mlflowError(400, 'INVALID_PARAMETER_VALUE'));
    });

    it("reports Alice's models to Bob as missing and refuses Vera's changes, changing nothing", async () => {
      await createModel('guarded');
      await createVersion('guarded');
      await call('post', 'registered-models/alias', ALICE, {
        name: 'guarded',
        alias: 'prod',
        version: '1',
      }).expect(200);
      const before = await getModel('guarded');
      const model = { name: 'guarded' };
      const version = { name: 'guarded', version: '1' };
      const reads: Array<[Method, string, object]> = [
        ['get', 'registered-models/get', model],
        ['get', 'registered-models/get-latest-versions', model],
        ['get', 'registered-models/alias', { ...model, alias: 'prod' }],
        ['get', 'model-versions/get', version],
        ['get', 'model-versions/get-download-uri', version],
      ];
      const writes: Array<[Method, string, object]> = [
        ['post', 'registered-models/rename', { ...model, new_name: 'taken' }],
        ['patch', 'registered-models/update', { ...model, description: 'x' }],
        [
          'post',
          'registered-models/set-tag',
          { ...model, key: 'k', value: 'v' },
        ],
        ['delete', 'registered-models/delete-tag', { ...model, key: 'k' }],
        [
          'post',
          'registered-models/alias',
          { ...model, alias: 'a', version: '1' },
        ],
        ['delete', 'registered-models/alias', { ...model, alias: 'prod' }],
        [
          'post',
          'model-versions/create',
          { ...model, source: `runs:/${runId}/model` },
        ],
        ['patch', 'model-versions/update', { ...version, description: 'x' }],
        [
          'post',
          'model-versions/transition-stage',
          { ...version, stage: 'Production', archive_existing_versions: false },
        ],
        [
          'post',
          'model-versions/set-tag',
          { ...version, key: 'k', value: 'v' },
        ],
        ['delete', 'model-versions/delete-tag', { ...version, key: 'k' }],
        ['delete', 'model-versions/delete', version],
        ['delete', 'registered-models/delete', model],
      ];
      for (const [method, endpoint, input] of [...reads, ...writes]) {
        const res = await call(method, endpoint, BOB, input);
        expect({ endpoint, status: res.status, body: res.body }).toMatchObject({
          endpoint,
          ...mlflowError(404, 'RESOURCE_DOES_NOT_EXIST'),
        });
      }
      for (const [method, endpoint, input] of reads) {
        const res = await call(method, endpoint, VERA, input);
        expect({ endpoint, status: res.status }).toEqual({
          endpoint,
          status: 200,
        });
      }
      for (const [method, endpoint, input] of writes) {
        const res = await call(method, endpoint, VERA, input);
        expect({ endpoint, status: res.status, body: res.body }).toMatchObject({
          endpoint,
          ...mlflowError(403, 'PERMISSION_DENIED'),
        });
      }
      expect(await getModel('guarded')).toEqual(before);
      expect(
        (await call('get', 'model-versions/get', ALICE, version).expect(200))
          .body.model_version,
      ).toEqual(before.latest_versions[0]);

      const bobSearch = await call('get', 'registered-models/search', BOB, {
        filter: "name = 'guarded'",
      }).expect(200);
      expect(bobSearch.body).toEqual({ registered_models: [] });
      const bobVersions = await call('get', 'model-versions/search', BOB, {
        filter: "name = 'guarded'",
      }).expect(200);
      expect(bobVersions.body).toEqual({ model_versions: [] });
      expect(
        await call('post', 'registered-models/create', BOB, {
          name: 'bobs',
          tags: [{ key: 'ml.project_id', value: t.projectId }],
        }),
      ).toMatchObject(mlflowError(404, 'RESOURCE_DOES_NOT_EXIST'));
    });

    it('needs a token', async () => {
      expect(
        await call('get', 'registered-models/get', undefined, { name: 'x' }),
      ).toMatchObject(mlflowError(401, 'UNAUTHENTICATED'));
    });
  },
);
