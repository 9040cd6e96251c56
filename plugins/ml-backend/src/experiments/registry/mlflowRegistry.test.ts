import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { ALICE, BOB, TRACKING, VERA } from '../__testUtils__/trackingBackend';
import {
  Method,
  mlflowError,
  RegistryBackend,
  startRegistryBackend,
} from './__testUtils__/registryBackend';

jest.setTimeout(120_000);
const databases = createTestDatabases();

/**
 * The registered model endpoints of MLflow's REST API 2.0 on the wire
 * (`model_registry.proto`): fields, methods, codes and statuses, tags,
 * aliases, searches and project permissions.
 */
describe.each(databases.eachSupportedId())(
  'MLflow model registry API (%s)',
  databaseId => {
    let r: RegistryBackend;

    beforeAll(async () => {
      r = await startRegistryBackend(databases, databaseId);
    });
    afterAll(() => r?.tracking.backend.stop());

    it('creates a registered model in the project the tag names and gets it', async () => {
      const before = Date.now();
      const created = await r.createModel('churn-model', {
        description: 'Predicts churn',
        tags: [
          { key: 'ml.project_id', value: r.tracking.projectId },
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
          { key: 'ml.project_id', value: r.tracking.projectId },
          { key: 'team', value: 'growth' },
        ],
        aliases: [],
      });
      expect(created.creation_timestamp).toBeGreaterThanOrEqual(before);
      expect(await r.getModel('churn-model')).toEqual(created);
    });

    it('takes the project from a name like <project>/<model> when no tag names it', async () => {
      const res = await r
        .call('post', 'registered-models/create', ALICE, {
          name: 'churn/by-name',
        })
        .expect(200);
      expect(res.body.registered_model.tags).toEqual([
        { key: 'ml.project_id', value: r.tracking.projectId },
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
        const res = await r.call('post', 'registered-models/create', ALICE, {
          tags: [{ key: 'ml.project_id', value: r.tracking.projectId }],
          ...body,
        });
        expect(res).toMatchObject(mlflowError(status, code, message));
      },
    );

    it('renames (POST) and updates (PATCH) a registered model', async () => {
      await r.createModel('old-name');
      const renamed = await r
        .call('post', 'registered-models/rename', ALICE, {
          name: 'old-name',
          new_name: 'new-name',
        })
        .expect(200);
      expect(renamed.body.registered_model.name).toBe('new-name');
      expect(
        await r.call('get', 'registered-models/get', ALICE, {
          name: 'old-name',
        }),
      ).toMatchObject(
        mlflowError(
          404,
          'RESOURCE_DOES_NOT_EXIST',
          /Registered Model with name=old-name not found/,
        ),
      );
      const updated = await r
        .call('patch', 'registered-models/update', ALICE, {
          name: 'new-name',
          description: 'now described',
        })
        .expect(200);
      expect(updated.body.registered_model).toMatchObject({
        name: 'new-name',
        description: 'now described',
      });
      expect(
        await r.call('post', 'registered-models/rename', ALICE, {
          name: 'new-name',
          new_name: 'churn-model',
        }),
      ).toMatchObject(mlflowError(400, 'RESOURCE_ALREADY_EXISTS'));
    });

    it('sets and deletes (DELETE) registered model tags, answering {}', async () => {
      await r.createModel('tags-model');
      const set = await r
        .call('post', 'registered-models/set-tag', ALICE, {
          name: 'tags-model',
          key: 'stage',
          value: 'beta',
        })
        .expect(200);
      expect(set.body).toEqual({});
      expect((await r.getModel('tags-model')).tags).toContainEqual({
        key: 'stage',
        value: 'beta',
      });
      const deleted = await r
        .call('delete', 'registered-models/delete-tag', ALICE, {
          name: 'tags-model',
          key: 'stage',
        })
        .expect(200);
      expect(deleted.body).toEqual({});
      expect((await r.getModel('tags-model')).tags).toEqual([
        { key: 'ml.project_id', value: r.tracking.projectId },
      ]);
      // A tag that is not there: no error, as in MLflow.
      await r
        .call('delete', 'registered-models/delete-tag', ALICE, {
          name: 'tags-model',
          key: 'stage',
        })
        .expect(200);
      expect(
        await r.call('post', 'registered-models/set-tag', ALICE, {
          name: 'tags-model',
          key: 'ml.project_id',
          value: 'elsewhere',
        }),
      ).toMatchObject(mlflowError(400, 'INVALID_PARAMETER_VALUE', /ml\./));
    });

    it('points aliases at versions, moves and deletes them', async () => {
      await r.createModel('aliased');
      await r.createVersion('aliased');
      await r.createVersion('aliased');
      const setAlias = (alias: string, version: string) =>
        r.call('post', 'registered-models/alias', ALICE, {
          name: 'aliased',
          alias,
          version,
        });
      expect((await setAlias('champion', '1').expect(200)).body).toEqual({});
      await setAlias('challenger', '2').expect(200);
      const byAlias = await r
        .call('get', 'registered-models/alias', VERA, {
          name: 'aliased',
          alias: 'champion',
        })
        .expect(200);
      expect(byAlias.body.model_version).toMatchObject({
        version: '1',
        aliases: ['champion'],
      });
      expect((await r.getModel('aliased')).aliases).toEqual([
        { alias: 'challenger', version: '2' },
        { alias: 'champion', version: '1' },
      ]);

      await setAlias('champion', '2').expect(200);
      const moved = await r.call('get', 'model-versions/get', ALICE, {
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
      await request(r.tracking.backend.server)
        .delete(`${TRACKING}/registered-models/alias`)
        .query({ name: 'aliased', alias: 'champion' })
        .set({ Authorization: mockCredentials.user.header(ALICE) })
        .expect(200);
      expect(
        await r.call('get', 'registered-models/alias', ALICE, {
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
      await r
        .call('delete', 'model-versions/delete', ALICE, {
          name: 'aliased',
          version: '2',
        })
        .expect(200);
      expect((await r.getModel('aliased')).aliases).toEqual([]);
    });

    it('deletes (DELETE) a registered model with its versions', async () => {
      await r.createModel('doomed');
      await r.createVersion('doomed');
      const res = await r
        .call('delete', 'registered-models/delete', ALICE, {
          name: 'doomed',
        })
        .expect(200);
      expect(res.body).toEqual({});
      expect(
        await r.call('get', 'registered-models/get', ALICE, { name: 'doomed' }),
      ).toMatchObject(mlflowError(404, 'RESOURCE_DOES_NOT_EXIST'));
      const versions = await r
        .call('get', 'model-versions/search', ALICE, {
          filter: "name = 'doomed'",
        })
        .expect(200);
      expect(versions.body).toEqual({ model_versions: [] });
    });

    it('searches registered models with filter, order and pages', async () => {
      for (const name of ['search-b', 'search-a', 'search-c']) {
        await r.createModel(name);
      }
      await r
        .call('post', 'registered-models/set-tag', ALICE, {
          name: 'search-b',
          key: 'kind',
          value: 'tree',
        })
        .expect(200);
      const names = (body: any) =>
        body.registered_models.map((m: any) => m.name);

      const all = await r
        .call('get', 'registered-models/search', VERA, {
          filter: "name LIKE 'search-%'",
        })
        .expect(200);
      expect(names(all.body)).toEqual(['search-a', 'search-b', 'search-c']);
      expect(all.body.next_page_token).toBeUndefined();

      const desc = await r
        .call('get', 'registered-models/search', ALICE, {
          filter: "name LIKE 'search-%'",
          order_by: ['name DESC'],
        })
        .expect(200);
      expect(names(desc.body)).toEqual(['search-c', 'search-b', 'search-a']);

      const tagged = await r
        .call('get', 'registered-models/search', ALICE, {
          filter: "tags.kind = 'tree'",
        })
        .expect(200);
      expect(names(tagged.body)).toEqual(['search-b']);

      const seen: string[] = [];
      let pageToken: string | undefined;
      do {
        const page = await r
          .call('get', 'registered-models/search', ALICE, {
            filter: "name ILIKE 'SEARCH-%'",
            max_results: 2,
            ...(pageToken ? { page_token: pageToken } : {}),
          })
          .expect(200);
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
          await r.call('get', 'registered-models/search', ALICE, query),
        ).toMatchObject(mlflowError(400, 'INVALID_PARAMETER_VALUE'));
      }
    });

    it("reports Alice's models to Bob as missing and refuses Vera's changes, changing nothing", async () => {
      await r.createModel('guarded');
      await r.createVersion('guarded');
      await r
        .call('post', 'registered-models/alias', ALICE, {
          name: 'guarded',
          alias: 'prod',
          version: '1',
        })
        .expect(200);
      const before = await r.getModel('guarded');
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
          { ...model, source: `runs:/${r.runId}/model` },
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
        const res = await r.call(method, endpoint, BOB, input);
        expect({ endpoint, status: res.status, body: res.body }).toMatchObject({
          endpoint,
          ...mlflowError(404, 'RESOURCE_DOES_NOT_EXIST'),
        });
      }
      for (const [method, endpoint, input] of reads) {
        const res = await r.call(method, endpoint, VERA, input);
        expect({ endpoint, status: res.status }).toEqual({
          endpoint,
          status: 200,
        });
      }
      for (const [method, endpoint, input] of writes) {
        const res = await r.call(method, endpoint, VERA, input);
        expect({ endpoint, status: res.status, body: res.body }).toMatchObject({
          endpoint,
          ...mlflowError(403, 'PERMISSION_DENIED'),
        });
      }
      expect(await r.getModel('guarded')).toEqual(before);
      expect(
        (await r.call('get', 'model-versions/get', ALICE, version).expect(200))
          .body.model_version,
      ).toEqual(before.latest_versions[0]);

      const bobSearch = await r
        .call('get', 'registered-models/search', BOB, {
          filter: "name = 'guarded'",
        })
        .expect(200);
      expect(bobSearch.body).toEqual({ registered_models: [] });
      const bobVersions = await r
        .call('get', 'model-versions/search', BOB, {
          filter: "name = 'guarded'",
        })
        .expect(200);
      expect(bobVersions.body).toEqual({ model_versions: [] });
      expect(
        await r.call('post', 'registered-models/create', BOB, {
          name: 'bobs',
          tags: [{ key: 'ml.project_id', value: r.tracking.projectId }],
        }),
      ).toMatchObject(mlflowError(404, 'RESOURCE_DOES_NOT_EXIST'));
    });

    it('needs a token', async () => {
      expect(
        await r.call('get', 'registered-models/get', undefined, { name: 'x' }),
      ).toMatchObject(mlflowError(401, 'UNAUTHENTICATED'));
    });
  },
);
