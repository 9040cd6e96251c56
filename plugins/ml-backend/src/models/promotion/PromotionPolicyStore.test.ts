import { Knex } from 'knex';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { migratedDatabaseForAll } from '../../__testUtils__/migratedDatabase';
import { ModelStore } from '../ModelStore';
import { PromotionPolicyStore } from './PromotionPolicyStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const PROJECT = '11111111-1111-4111-8111-111111111111';
const MODEL = '00000000-0000-4000-8000-000000000001';
// Past 2^31: updated_at must survive as a bigint on Postgres.
const AT = 1_790_000_000_000;

describe.each(databases.eachSupportedId())(
  'promotion policy store on %s',
  databaseId => {
    let knex: Knex;
    let policies: PromotionPolicyStore;

    migratedDatabaseForAll(databases, databaseId, async created => {
      knex = created;
      policies = new PromotionPolicyStore(knex);
      await new ModelStore(knex).create({
        id: MODEL,
        projectId: PROJECT,
        name: 'm',
        description: '',
        disableAuthentication: false,
        createdBy: 'user:default/a',
      });
    });

    it('has no policy until one is put, replaces it, and deletes it', async () => {
      expect(await policies.get(MODEL)).toBeUndefined();
      await policies.put(
        MODEL,
        {
          enabled: true,
          metric: 'rmse',
          source: 'mlflowRun',
          better: 'lower',
          margin: 0.1,
        },
        'user:default/a',
        AT,
      );
      const replaced = await policies.put(
        MODEL,
        {
          enabled: false,
          metric: 'accuracy',
          source: 'jobOutput',
          better: 'higher',
          margin: 0.025,
        },
        'user:default/b',
        AT + 1,
      );
      const expected = {
        modelId: MODEL,
        enabled: false,
        metric: 'accuracy',
        source: 'jobOutput',
        better: 'higher',
        margin: 0.025,
        updatedBy: 'user:default/b',
        updatedAt: new Date(AT + 1).toISOString(),
      };
      expect(replaced).toEqual(expected);
      expect(await policies.get(MODEL)).toEqual(expected);

      expect(await policies.delete(MODEL)).toBe(true);
      expect(await policies.delete(MODEL)).toBe(false);
      expect(await policies.get(MODEL)).toBeUndefined();
    });

    it('goes with its model', async () => {
      await policies.put(
        MODEL,
        {
          enabled: true,
          metric: 'rmse',
          source: 'mlflowRun',
          better: 'lower',
          margin: 0,
        },
        'user:default/a',
        AT,
      );
      await knex('models').where({ id: MODEL }).delete();
      expect(await policies.get(MODEL)).toBeUndefined();
    });
  },
);
