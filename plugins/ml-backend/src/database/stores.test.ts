import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';
import { ProjectStore } from './ProjectStore';
import { WorkspaceStore } from './WorkspaceStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const nodeGroups = [
  {
    name: 'g',
    cpu: 4,
    memoryMiB: 8192,
    gpu: 0,
    minNodes: 1,
    maxNodes: 2,
    scaleUpDelaySeconds: 5,
  },
];

describe.each(databases.eachSupportedId())('stores (%s)', databaseId => {
  const open = () => migratedDatabase(databases, databaseId);

  it('round-trips a workspace with JSON and resource columns', async () => {
    const knex = await open();
    const store = new WorkspaceStore(knex);
    await store.create({
      name: 'w',
      title: 'W',
      description: '',
      owner: 'group:default/a',
      driver: 'local',
      nodeGroups,
      env: { A: 'x y' },
      defaultUserQuota: { cpu: 0.5, memoryMiB: 2048, gpu: 0 },
    });
    expect(await store.get('w')).toMatchObject({
      nodeGroups,
      env: { A: 'x y' },
      defaultUserQuota: { cpu: 0.5, memoryMiB: 2048, gpu: 0 },
    });
    await store.update('w', { env: {} });
    expect((await store.get('w'))!.env).toEqual({});
    expect(await store.delete('w')).toBe(true);
    expect(await store.get('w')).toBeUndefined();
  });

  it('pages without overlap or gaps under ties, and escapes LIKE wildcards', async () => {
    const knex = await open();
    const store = new ProjectStore(knex);
    await new WorkspaceStore(knex).create({
      name: 'w',
      title: 'W',
      description: '',
      owner: 'user:default/a',
      driver: 'local',
      nodeGroups,
      env: {},
      defaultUserQuota: { cpu: 1, memoryMiB: 1, gpu: 0 },
    });
    for (let i = 0; i < 25; i++) {
      await store.create({
        workspace: 'w',
        name: `p${i}`,
        title: i % 2 ? 'same title' : '50%_off',
        description: '',
        owner: 'user:default/a',
        visibility: 'private',
        teamRole: 'contributor',
        env: {},
        createdBy: 'user:default/a',
      });
    }
    const seen: string[] = [];
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const page: Awaited<ReturnType<typeof store.list>> = await store.list({
        sort: [{ field: 'title', direction: 'asc' }],
        pageSize: 7,
        offset,
      });
      seen.push(...page.items.map(p => p.name));
      offset = page.nextOffset;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);

    const wild = await store.list({
      filter: '%_',
      sort: [],
      pageSize: 50,
      offset: 0,
    });
    expect(wild.totalSize).toBe(13);
    expect(wild.items.every(p => p.title === '50%_off')).toBe(true);
  });

  it('has a unique index on the runtime tuple', async () => {
    const knex = await open();
    const indexes: string[] = databaseId.startsWith('POSTGRES')
      ? (
          await knex.raw(
            "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'runtimes'",
          )
        ).rows.map((r: any) => r.name)
      : (await knex.raw("PRAGMA index_list('runtimes')"))
          .filter((r: any) => r.unique)
          .map((r: any) => r.name);
    expect(indexes).toContain('runtimes_tuple_idx');
  });
});
