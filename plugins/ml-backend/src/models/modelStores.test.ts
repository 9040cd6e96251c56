import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migratedDatabaseForAll } from '../__testUtils__/migratedDatabase';
import { MODEL_TABLES } from '../__testUtils__/tables';
import { isUniqueViolation } from '../database/errors';
import { ModelAccessKeyStore } from './keys/ModelAccessKeyStore';
import { ModelBuildStore } from './builds/ModelBuildStore';
import { ModelDeploymentStore } from './deployments/ModelDeploymentStore';
import { ModelStore } from './ModelStore';
import { ModelEventStore } from './events/ModelEventStore';
import { ModelEventKind } from '@ml-platform/plugin-ml-common';

jest.setTimeout(60_000);

// Errors of the SQLite driver may come from another realm once an earlier
// test file loaded it, so they are checked by their code, not by class.
const uniqueViolation = (promise: Promise<unknown>) =>
  promise.then(() => false, isUniqueViolation);
const databases = createTestDatabases();

const PROJECT = '11111111-1111-4111-8111-111111111111';
const id = (n: number) =>
  `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe.each(databases.eachSupportedId())('model stores on %s', databaseId => {
  let models: ModelStore;
  let builds: ModelBuildStore;
  let deployments: ModelDeploymentStore;
  let keys: ModelAccessKeyStore;
  let knex: Knex;

  migratedDatabaseForAll(databases, databaseId, async created => {
    knex = created;
    models = new ModelStore(knex);
    builds = new ModelBuildStore(knex);
    deployments = new ModelDeploymentStore(knex);
    keys = new ModelAccessKeyStore(knex);
    await models.create({
      id: id(1),
      projectId: PROJECT,
      name: 'm',
      description: '',
      disableAuthentication: false,
      createdBy: 'user:default/a',
    });
  });

  it('refuses a second model of the same name in a project', async () => {
    const duplicate = models.create({
      id: id(2),
      projectId: PROJECT,
      name: 'm',
      description: '',
      disableAuthentication: true,
      createdBy: 'x',
    });
    expect(await uniqueViolation(duplicate)).toBe(true);
    expect((await models.findByName(PROJECT, 'm'))?.disableAuthentication).toBe(
      false,
    );
  });

  it('numbers builds per model without gaps or duplicates, also when made at once', async () => {
    const make = (n: number) =>
      builds.create({
        id: id(100 + n),
        modelId: id(1),
        filePath: 'model.py',
        functionName: 'predict',
        runtimeId: id(9),
        profile: 'small',
        comment: '',
        examples: [{ request: { n } }],
        env: { N: String(n) },
        datasets: ['db.t'],
        lineageMetadata: { n },
        createdBy: 'user:default/a',
      });
    const made = await Promise.all([1, 2, 3, 4].map(make));
    expect(made.map(b => b.number).sort()).toEqual([1, 2, 3, 4]);
    const listed = await builds.listByModel(id(1));
    expect(listed.map(b => b.number)).toEqual([4, 3, 2, 1]);
    expect(listed[0]).toMatchObject({
      state: 'queued',
      datasets: ['db.t'],
      examples: [expect.any(Object)],
    });

    await builds.setWorkload(id(101), id(201));
    expect(await builds.findByWorkload(id(201))).toMatchObject({
      id: id(101),
      state: 'building',
    });
    expect(await builds.finish(id(101), 'built')).toBe(true);
    // Ends once: a second end (another backend, a sweep) changes nothing.
    expect(await builds.finish(id(101), 'failed', 'late')).toBe(false);
    expect(await builds.get(id(101))).toMatchObject({
      state: 'built',
      reason: undefined,
      builtAt: expect.any(String),
    });
    expect((await builds.listUnfinished()).map(b => b.id).sort()).toEqual([
      id(102),
      id(103),
      id(104),
    ]);
  });

  it('lists the candidate builds a promotion still awaits: evaluated, not failed, with no outcome in the history', async () => {
    // From the test before: 101 built, 102 to 104 queued.
    for (const n of [101, 102, 103]) {
      await builds.setEvaluation(id(n), { rmse: n });
    }
    await builds.finish(id(103), 'failed', 'broken');
    const awaited = async () =>
      (await builds.listAwaitingPromotion()).map(b => b.id).sort();
    expect(await awaited()).toEqual([id(101), id(102)]);

    const history = new ModelEventStore(knex);
    const event = (kind: ModelEventKind, buildId: string) =>
      history.add({
        projectId: PROJECT,
        modelId: id(1),
        kind,
        message: '',
        details: { runId: id(300), buildId },
      });
    await event('candidate_promoted', id(101));
    // Only an outcome of the promotion counts, and only for its own build.
    await event('retrain_started', id(102));
    await event('candidate_refused', id(1020));
    expect(await awaited()).toEqual([id(102)]);
    await event('candidate_failed', id(102));
    expect(await awaited()).toEqual([]);
    await knex('model_events').delete();
  });

  it('switches the active deployment only from the expected one', async () => {
    const d1 = await deployments.create({
      id: id(301),
      modelId: id(1),
      buildId: id(101),
      replicas: 2,
      profile: 'small',
      env: {},
      createdBy: 'a',
    });
    const d2 = await deployments.create({
      id: id(302),
      modelId: id(1),
      buildId: id(101),
      replicas: 1,
      profile: 'small',
      env: {},
      createdBy: 'a',
    });
    expect(await models.switchActiveDeployment(id(1), undefined, d1.id)).toBe(
      true,
    );
    expect(await models.switchActiveDeployment(id(1), undefined, d2.id)).toBe(
      false,
    );
    expect(await models.switchActiveDeployment(id(1), d1.id, d2.id)).toBe(true);
    expect((await models.get(id(1)))?.activeDeploymentId).toBe(d2.id);

    expect(await deployments.transition(d1.id, ['deploying'], 'deployed')).toBe(
      true,
    );
    expect(
      await deployments.transition(d1.id, ['deploying'], 'failed', 'x'),
    ).toBe(false);
    await deployments.markReplaced(d1.id);
    expect((await deployments.get(d1.id))?.replacedAt).toEqual(
      expect.any(String),
    );
    await deployments.addReplica({
      deploymentId: d1.id,
      index: 0,
      workloadId: id(401),
    });
    await deployments.addReplica({
      deploymentId: d1.id,
      index: 1,
      workloadId: id(402),
    });
    expect(
      await uniqueViolation(
        deployments.addReplica({
          deploymentId: d1.id,
          index: 1,
          workloadId: id(403),
        }),
      ),
    ).toBe(true);
    expect(await deployments.findReplicaByWorkload(id(402))).toEqual({
      deploymentId: d1.id,
      index: 1,
      workloadId: id(402),
    });
    expect((await deployments.listLive(id(1))).map(d => d.id)).toEqual([
      d1.id,
      d2.id,
    ]);
    expect(
      await deployments.transition(d1.id, ['deployed'], 'stopped', 'done'),
    ).toBe(true);
    expect(await deployments.get(d1.id)).toMatchObject({
      state: 'stopped',
      reason: 'done',
      stoppedAt: expect.any(String),
    });
    expect((await deployments.listLive(id(1))).map(d => d.id)).toEqual([d2.id]);
  });

  it('finds a model by key hash and forgets revoked keys', async () => {
    await keys.create({
      id: id(501),
      modelId: id(1),
      name: 'k',
      masked: 'mk_abcd…',
      createdBy: 'a',
      keyHash: 'a'.repeat(64),
    });
    expect(await keys.modelOf('a'.repeat(64))).toBe(id(1));
    expect(await keys.modelOf('b'.repeat(64))).toBeUndefined();
    await keys.touch('a'.repeat(64), '2026-01-01T00:00:00.000Z');
    expect((await keys.listByModel(id(1)))[0]).toMatchObject({
      masked: 'mk_abcd…',
      lastUsedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(await keys.delete(id(2), id(501))).toBe(false);
    expect(await keys.delete(id(1), id(501))).toBe(true);
    expect(await keys.modelOf('a'.repeat(64))).toBeUndefined();
  });

  it('deletes everything of a model', async () => {
    await deployments.deleteByModel(id(1));
    await builds.deleteByModel(id(1));
    await keys.deleteByModel(id(1));
    expect(await models.delete(id(1))).toBe(true);
    for (const table of MODEL_TABLES) {
      expect([
        table,
        Number((await knex(table).count({ n: '*' }))[0].n),
      ]).toEqual([table, 0]);
    }
  });
});
