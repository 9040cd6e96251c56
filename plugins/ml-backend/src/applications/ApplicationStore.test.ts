import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';
import { ApplicationStore, NewApplication } from './ApplicationStore';
import { isUniqueViolation } from '../database/errors';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const PROJECT = '3b241101-e2bb-4255-8caf-4136c566a962';
const RUNTIME = '9d6c4a7e-1f7d-4a39-9a0e-1d2c3b4a5f60';

function newApp(
  id: string,
  slug: string,
  extra: Partial<NewApplication> = {},
): NewApplication {
  return {
    id,
    projectId: PROJECT,
    name: `App ${slug}`,
    slug,
    description: '',
    script: 'app.py',
    runtimeId: RUNTIME,
    profile: 'small',
    env: { GREETING: 'hi' },
    bypassAuthentication: false,
    createdBy: 'user:default/alice',
    ...extra,
  };
}

describe.each(databases.eachSupportedId())(
  'ApplicationStore on %s',
  databaseId => {
    let store: ApplicationStore;

    beforeAll(async () => {
      const knex = await migratedDatabase(databases, databaseId);
      store = new ApplicationStore(knex);
    });

    it('keeps what it is given and finds it by id, slug and project', async () => {
      const created = await store.create(
        newApp('a1', 'dash', { bypassAuthentication: true }),
      );
      expect(created).toMatchObject({
        slug: 'dash',
        env: { GREETING: 'hi' },
        bypassAuthentication: true,
      });
      expect(created.workloadId).toBeUndefined();
      expect(await store.get('a1')).toEqual(created);
      expect(await store.getBySlug('dash')).toEqual(created);
      expect((await store.listByProject(PROJECT)).map(a => a.id)).toEqual([
        'a1',
      ]);
      expect(await store.getBySlug('nope')).toBeUndefined();
    });

    it('refuses a second app with a taken slug, even when both race', async () => {
      const results = await Promise.allSettled([
        store.create(newApp('r1', 'race')),
        store.create(
          newApp('r2', 'race', {
            projectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
          }),
        ),
      ]);
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      const [rejected] = results.filter(
        (r): r is PromiseRejectedResult => r.status === 'rejected',
      );
      expect(isUniqueViolation(rejected.reason)).toBe(true);
    });

    it('updates only the given fields', async () => {
      await store.create(newApp('u1', 'edit'));
      const updated = await store.update('u1', {
        description: 'new',
        env: { A: '1' },
        bypassAuthentication: true,
      });
      expect(updated).toMatchObject({
        slug: 'edit',
        description: 'new',
        env: { A: '1' },
        bypassAuthentication: true,
        script: 'app.py',
      });
      expect(await store.update('missing', { name: 'x' })).toBeUndefined();
    });

    it('swaps its workload only from the one the caller saw', async () => {
      await store.create(newApp('w1', 'swap'));
      expect(await store.swapWorkload('w1', 'someone-else', 'wl-1')).toBe(
        false,
      );
      expect(await store.swapWorkload('w1', undefined, 'wl-1')).toBe(true);
      // A second start that saw "no workload" loses.
      expect(await store.swapWorkload('w1', undefined, 'wl-2')).toBe(false);
      expect(await store.swapWorkload('w1', 'wl-1', 'wl-2')).toBe(true);
      expect((await store.get('w1'))?.workloadId).toBe('wl-2');
    });

    it('deletes', async () => {
      await store.create(newApp('d1', 'gone'));
      expect(await store.delete('d1')).toBe(true);
      expect(await store.delete('d1')).toBe(false);
      expect(await store.getBySlug('gone')).toBeUndefined();
    });
  },
);
