import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { ALICE, VERA } from '../__testUtils__/trackingBackend';
import {
  mlflowError,
  RegistryBackend,
  startRegistryBackend,
} from './__testUtils__/registryBackend';

jest.setTimeout(120_000);
const databases = createTestDatabases();

/**
 * The model version endpoints of MLflow's REST API 2.0 on the wire
 * (`model_registry.proto`): sources and the runs they name, numbers,
 * stages, tags, download URIs and searches.
 */
describe.each(databases.eachSupportedId())(
  'MLflow model versions API (%s)',
  databaseId => {
    let r: RegistryBackend;

    beforeAll(async () => {
      r = await startRegistryBackend(databases, databaseId);
      await r.createModel('refusals');
    });
    afterAll(() => r?.tracking.backend.stop());

    it('creates versions 1, 2, 3 of a run artifact, READY at once', async () => {
      await r.createModel('versions-model');
      const first = await r.createVersion('versions-model');
      expect(first).toEqual({
        name: 'versions-model',
        version: '1',
        creation_timestamp: expect.any(Number),
        last_updated_timestamp: expect.any(Number),
        user_id: ALICE,
        current_stage: 'None',
        source: `runs:/${r.runId}/model`,
        run_id: r.runId,
        status: 'READY',
        tags: [],
        aliases: [],
      });
      const second = await r
        .call('post', 'model-versions/create', ALICE, {
          name: 'versions-model',
          source: `mlflow-artifacts:/${r.experimentId}/${r.runId}/artifacts/model`,
          description: 'from the store URI',
          tags: [{ key: 'framework', value: 'sklearn' }],
        })
        .expect(200);
      expect(second.body.model_version).toMatchObject({
        version: '2',
        run_id: r.runId,
        description: 'from the store URI',
        tags: [{ key: 'framework', value: 'sklearn' }],
      });
      expect((await r.createVersion('versions-model', 'other')).version).toBe(
        '3',
      );

      const got = await r
        .call('get', 'model-versions/get', VERA, {
          name: 'versions-model',
          version: '2',
        })
        .expect(200);
      expect(got.body.model_version).toEqual(second.body.model_version);
      const uri = await r
        .call('get', 'model-versions/get-download-uri', ALICE, {
          name: 'versions-model',
          version: '3',
        })
        .expect(200);
      expect(uri.body).toEqual({
        artifact_uri: `mlflow-artifacts:/${r.experimentId}/${r.runId}/artifacts/other`,
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
        () => ({ source: `runs:/${r.runId}/../x` }),
        400,
      ],
      ['no source', () => ({ source: undefined }), 400],
    ])(
      'refuses a model version with %s, registering nothing',
      async (_case, body, status) => {
        const res = await r.call('post', 'model-versions/create', ALICE, {
          name: 'refusals',
          source: `runs:/${r.runId}/model`,
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
        expect((await r.getModel('refusals')).latest_versions).toEqual([]);
      },
    );

    it("refuses a run of another project than the model's", async () => {
      const other = await request(r.tracking.backend.server)
        .post('/api/ml/projects')
        .set({ Authorization: mockCredentials.user.header(ALICE) })
        .send({ workspace: 'ws', name: 'fraud', visibility: 'private' })
        .expect(201);
      const created = await r
        .call('post', 'experiments/create', ALICE, {
          name: 'fraud-exp',
          tags: [{ key: 'ml.project_id', value: other.body.id }],
        })
        .expect(200);
      const otherRun = await r.tracking.run(created.body.experiment_id);
      await r.createModel('cross-project');
      const res = await r.call('post', 'model-versions/create', ALICE, {
        name: 'cross-project',
        source: `runs:/${otherRun}/model`,
      });
      expect(res).toMatchObject(
        mlflowError(400, 'INVALID_PARAMETER_VALUE', /another project/),
      );

      // Deleting that project deletes its models: the name is free again.
      await r
        .call('post', 'registered-models/create', ALICE, {
          name: 'fraud-model',
          tags: [{ key: 'ml.project_id', value: other.body.id }],
        })
        .expect(200);
      await request(r.tracking.backend.server)
        .delete(`/api/ml/projects/${other.body.id}`)
        .set({ Authorization: mockCredentials.user.header(ALICE) })
        .expect(204);
      await r.createModel('fraud-model');
    });

    it('moves versions through stages and answers the latest per stage', async () => {
      await r.createModel('staged');
      for (let i = 0; i < 3; i++) await r.createVersion('staged');
      const transition = (version: string, stage: string, archive = false) =>
        r.call('post', 'model-versions/transition-stage', ALICE, {
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

      const latest = await r
        .call('get', 'registered-models/get-latest-versions', ALICE, {
          name: 'staged',
        })
        .expect(200);
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
      const asked = await r
        .call('post', 'registered-models/get-latest-versions', ALICE, {
          name: 'staged',
          stages: ['Production'],
        })
        .expect(200);
      expect(asked.body.model_versions.map((v: any) => v.version)).toEqual([
        '1',
      ]);
      expect(
        (await r.getModel('staged')).latest_versions.map((v: any) => v.version),
      ).toEqual(['3', '2', '1']);

      await transition('3', 'Production', true).expect(200);
      const versions = await Promise.all(
        ['1', '2', '3'].map(
          async version =>
            (
              await r
                .call('get', 'model-versions/get', ALICE, {
                  name: 'staged',
                  version,
                })
                .expect(200)
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
        await r.call('get', 'registered-models/get-latest-versions', ALICE, {
          name: 'staged',
          stages: 'Nowhere',
        }),
      ).toMatchObject(mlflowError(400, 'INVALID_PARAMETER_VALUE'));
    });

    it('updates (PATCH), tags and deletes (DELETE) versions; numbers are never reused', async () => {
      await r.createModel('lifecycle');
      await r.createVersion('lifecycle');
      await r.createVersion('lifecycle');
      const key = { name: 'lifecycle', version: '2' };
      const updated = await r
        .call('patch', 'model-versions/update', ALICE, {
          ...key,
          description: 'better',
        })
        .expect(200);
      expect(updated.body.model_version.description).toBe('better');
      expect(
        (
          await r
            .call('post', 'model-versions/set-tag', ALICE, {
              ...key,
              key: 'validated',
              value: 'yes',
            })
            .expect(200)
        ).body,
      ).toEqual({});
      const tagged = await r.call('get', 'model-versions/get', ALICE, key);
      expect(tagged.body.model_version.tags).toEqual([
        { key: 'validated', value: 'yes' },
      ]);
      await r
        .call('delete', 'model-versions/delete-tag', ALICE, {
          ...key,
          key: 'validated',
        })
        .expect(200);
      expect(
        (await r.call('get', 'model-versions/get', ALICE, key)).body
          .model_version.tags,
      ).toEqual([]);

      const deleted = await r
        .call('delete', 'model-versions/delete', ALICE, key)
        .expect(200);
      expect(deleted.body).toEqual({});
      expect(
        await r.call('get', 'model-versions/get', ALICE, key),
      ).toMatchObject(
        mlflowError(
          404,
          'RESOURCE_DOES_NOT_EXIST',
          /Model Version \(name=lifecycle, version=2\) not found/,
        ),
      );
      expect((await r.createVersion('lifecycle')).version).toBe('3');
      expect(
        await r.call('get', 'model-versions/get', ALICE, {
          name: 'lifecycle',
          version: 'two',
        }),
      ).toMatchObject(mlflowError(400, 'INVALID_PARAMETER_VALUE', /integer/));
    });

    it('searches model versions with filter, order and pages', async () => {
      await r.createModel('vsearch');
      for (let i = 0; i < 3; i++) await r.createVersion('vsearch', `m${i}`);
      const versions = (body: any) =>
        body.model_versions.map((v: any) => v.version);

      const byName = await r
        .call('get', 'model-versions/search', VERA, {
          filter: "name = 'vsearch'",
        })
        .expect(200);
      expect(versions(byName.body)).toEqual(['3', '2', '1']);

      const filtered = await r
        .call('get', 'model-versions/search', ALICE, {
          filter: `name = 'vsearch' AND run_id = '${r.runId}' AND version_number > 1`,
          order_by: ['version_number ASC'],
        })
        .expect(200);
      expect(versions(filtered.body)).toEqual(['2', '3']);

      const bySource = await r
        .call('get', 'model-versions/search', ALICE, {
          filter: "name = 'vsearch' AND source_path LIKE '%/m1'",
        })
        .expect(200);
      expect(versions(bySource.body)).toEqual(['2']);

      const first = await r
        .call('get', 'model-versions/search', ALICE, {
          filter: "name = 'vsearch'",
          max_results: 2,
        })
        .expect(200);
      expect(versions(first.body)).toEqual(['3', '2']);
      const rest = await r
        .call('get', 'model-versions/search', ALICE, {
          filter: "name = 'vsearch'",
          max_results: 2,
          page_token: first.body.next_page_token,
        })
        .expect(200);
      expect(versions(rest.body)).toEqual(['1']);
      expect(rest.body.next_page_token).toBeUndefined();

      expect(
        await r.call('get', 'model-versions/search', ALICE, {
          filter: "run_id NOT IN ('x')",
        }),
      ).toMatchObject(mlflowError(400, 'INVALID_PARAMETER_VALUE'));
    });
  },
);
