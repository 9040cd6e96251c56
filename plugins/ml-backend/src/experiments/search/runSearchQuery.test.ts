import { Knex } from 'knex';
import { migratedDatabaseForAll } from '../../__testUtils__/migratedDatabase';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { MlflowError } from '../MlflowError';
import {
  insertExperiment,
  insertProject,
  insertRuns,
} from './__testUtils__/trackingRows';
import { parseFilter } from './filterGrammar';
import { parseOrderBy } from './orderBy';
import { RunViewType, searchRunIds } from './runSearchQuery';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const PROJECT = '11111111-1111-4111-8111-111111111111';

describe.each(databases.eachSupportedId())('searchRunIds on %s', databaseId => {
  let knex: Knex;
  let e1: number;
  let e2: number;

  migratedDatabaseForAll(databases, databaseId, async created => {
    knex = created;
    await insertProject(knex, PROJECT);
    e1 = await insertExperiment(knex, { projectId: PROJECT, name: 'e1' });
    e2 = await insertExperiment(knex, { projectId: PROJECT, name: 'e2' });
    const run = { experimentId: e1, projectId: PROJECT };
    await insertRuns(knex, [
      {
        ...run,
        id: 'r1',
        name: 'alpha',
        startTime: 100,
        endTime: 150,
        metrics: { rmse: 0.5, acc: 0.9 },
        params: { lr: '0.01', optimizer: 'Adam' },
        tags: { team: 'vision' },
        inputs: [{ name: 'train', digest: 'd1', context: 'training' }],
      },
      {
        ...run,
        id: 'r2',
        name: 'beta',
        status: 'RUNNING',
        startTime: 200,
        metrics: { rmse: 0.2 },
        params: { lr: '0.1', optimizer: 'adam' },
        tags: { team: 'nlp' },
        inputs: [{ name: 'eval', digest: 'd2', context: 'evaluation' }],
      },
      {
        ...run,
        id: 'r3',
        name: 'Gamma',
        status: 'FAILED',
        startTime: 300,
        endTime: 320,
        metrics: { rmse: 'NaN' },
        params: { optimizer: 'sgd%1' },
      },
      {
        ...run,
        id: 'r4',
        name: 'delta',
        startTime: 300,
        endTime: 400,
        metrics: { rmse: 'Infinity' },
        params: { lr: '0.1' },
        tags: { team: 'Vision' },
        inputs: [{ name: 'Train', digest: 'd3' }],
      },
      {
        ...run,
        id: 'r5',
        name: 'epsilon',
        startTime: 50,
        endTime: 60,
        // Not '-Infinity': the migration's 8 characters of `special` cannot
        // hold it on Postgres.
        metrics: { rmse: -1e300 },
        params: { optimizer: 'sgdx1' },
      },
      {
        ...run,
        id: 'r6',
        name: 'zeta',
        userId: 'user:default/b',
        startTime: 400,
        params: { optimizer: 'a*[b]?' },
      },
      {
        ...run,
        id: 'r7',
        lifecycleStage: 'deleted',
        startTime: 500,
        metrics: { rmse: 0.1 },
      },
      { ...run, id: 'r8', experimentId: e2, startTime: 250 },
    ]);
  });

  const search = async (
    filter = '',
    orderBy: string[] = [],
    more: { runViewType?: RunViewType; experimentIds?: number[] } = {},
  ) => {
    const page = await searchRunIds(knex, {
      experimentIds: more.experimentIds ?? [e1],
      filter: parseFilter('runs', filter),
      orderBy: parseOrderBy('runs', orderBy),
      runViewType: more.runViewType,
      maxResults: 1000,
    });
    expect(page.nextPageToken).toBeUndefined();
    return page.ids;
  };

  it('lists active runs of the experiments newest first, ties by run id', async () => {
    expect(await search()).toEqual(['r6', 'r3', 'r4', 'r2', 'r1', 'r5']);
    expect(await search('', [], { experimentIds: [e1, e2] })).toEqual([
      'r6',
      'r3',
      'r4',
      'r8',
      'r2',
      'r1',
      'r5',
    ]);
    expect(await search('', [], { experimentIds: [] })).toEqual([]);
  });

  it('picks runs by run_view_type', async () => {
    expect(await search('', [], { runViewType: 'DELETED_ONLY' })).toEqual([
      'r7',
    ]);
    expect(await search('', [], { runViewType: 'ALL' })).toEqual([
      'r7',
      'r6',
      'r3',
      'r4',
      'r2',
      'r1',
      'r5',
    ]);
  });

  it('compares latest metrics, where NaN and infinity never match', async () => {
    expect(await search('metrics.rmse < 1')).toEqual(['r2', 'r1', 'r5']);
    expect(await search('metrics.rmse != 0.5')).toEqual(['r2', 'r5']);
    expect(await search('metrics.rmse >= 0.2 and metrics.rmse <= 0.2')).toEqual(
      ['r2'],
    );
    expect(await search('metrics.rmse > 1e-9')).toEqual(['r2', 'r1']);
    expect(await search('metrics.rmse < -1')).toEqual(['r5']);
    expect(await search('metrics.acc > 0.5 and metrics.rmse = 0.5')).toEqual([
      'r1',
    ]);
  });

  it('sorts on a metric: infinity as the largest, then NaN, then runs without it', async () => {
    expect(await search('', ['metrics.rmse'])).toEqual([
      'r5',
      'r2',
      'r1',
      'r4',
      'r3',
      'r6',
    ]);
    expect(await search('', ['metrics.rmse DESC'])).toEqual([
      'r4',
      'r1',
      'r2',
      'r5',
      'r3',
      'r6',
    ]);
    expect(await search('', ['metrics.acc DESC'])).toEqual([
      'r1',
      'r6',
      'r3',
      'r4',
      'r2',
      'r5',
    ]);
  });

  it('matches params with LIKE case-sensitively and ILIKE case-insensitively', async () => {
    expect(await search("params.optimizer LIKE 'A%'")).toEqual(['r1']);
    expect(await search("params.optimizer ILIKE 'a%'")).toEqual([
      'r6',
      'r2',
      'r1',
    ]);
    expect(await search("params.optimizer = 'adam'")).toEqual(['r2']);
    expect(await search("params.optimizer LIKE 'a%'")).toEqual(['r6', 'r2']);
    expect(await search("params.optimizer LIKE 'sgd_1'")).toEqual(['r3', 'r5']);
    expect(await search("params.optimizer LIKE 'sgd\\%1'")).toEqual(['r3']);
    expect(await search("params.optimizer LIKE 'a*[b]_'")).toEqual(['r6']);
    expect(await search("params.optimizer ILIKE 'A*[B]?'")).toEqual(['r6']);
  });

  it('needs the key for != and tells present keys from missing ones', async () => {
    expect(await search("params.lr != '0.1'")).toEqual(['r1']);
    expect(await search('tags.team IS NULL')).toEqual(['r6', 'r3', 'r5']);
    expect(await search('tags.team IS NOT NULL')).toEqual(['r4', 'r2', 'r1']);
    expect(await search("tags.team = 'vision'")).toEqual(['r1']);
    expect(await search("tags.team ILIKE 'VISION'")).toEqual(['r4', 'r1']);
    expect(
      await search(
        "metrics.rmse < 1 and params.lr = '0.1' and tags.team = 'nlp'",
      ),
    ).toEqual(['r2']);
  });

  it('compares string attributes', async () => {
    expect(await search("attributes.run_id IN ('r1', 'r4', 'nope')")).toEqual([
      'r4',
      'r1',
    ]);
    expect(await search("run_id NOT IN ('r1', 'r2')")).toEqual([
      'r6',
      'r3',
      'r4',
      'r5',
    ]);
    expect(await search("run_name = 'Gamma'")).toEqual(['r3']);
    expect(await search("attributes.`Run name` LIKE 'g%'")).toEqual([]);
    expect(await search("run_name ILIKE 'g%'")).toEqual(['r3']);
    expect(await search("status != 'FINISHED'")).toEqual(['r3', 'r2']);
    expect(await search("user_id = 'user:default/b'")).toEqual(['r6']);
    expect(await search("artifact_uri LIKE '%/r5'")).toEqual(['r5']);
  });

  it('compares times, also with fractions, and a missing end time never matches', async () => {
    expect(await search('start_time > 299.5')).toEqual(['r6', 'r3', 'r4']);
    expect(await search('start_time >= 300.5')).toEqual(['r6']);
    expect(await search('created = 300')).toEqual(['r3', 'r4']);
    expect(await search('start_time = 300.5')).toEqual([]);
    expect(await search('start_time != 300.5')).toHaveLength(6);
    expect(await search('start_time < 100.5 and start_time <= 99.5')).toEqual([
      'r5',
    ]);
    expect(await search('end_time < 200')).toEqual(['r1', 'r5']);
    expect(await search('end_time > 1e30')).toEqual([]);
  });

  it('sorts on attributes, a missing end time last either way', async () => {
    expect(await search('', ['end_time'])).toEqual([
      'r5',
      'r1',
      'r3',
      'r4',
      'r6',
      'r2',
    ]);
    expect(await search('', ['end_time DESC'])).toEqual([
      'r4',
      'r3',
      'r1',
      'r5',
      'r6',
      'r2',
    ]);
    expect(await search('', ['run_name'])).toEqual([
      'r3',
      'r1',
      'r2',
      'r4',
      'r5',
      'r6',
    ]);
    expect(await search('', ['start_time ASC'])).toEqual([
      'r5',
      'r1',
      'r2',
      'r3',
      'r4',
      'r6',
    ]);
  });

  it('sorts on params and tags by code point, runs without them last', async () => {
    expect(await search('', ['params.lr DESC'])).toEqual([
      'r4',
      'r2',
      'r1',
      'r6',
      'r3',
      'r5',
    ]);
    expect(await search('', ['tags.team', 'attributes.start_time'])).toEqual([
      'r4',
      'r2',
      'r1',
      'r5',
      'r3',
      'r6',
    ]);
  });

  it("matches a run when one of its datasets does, the context from the input's tags", async () => {
    expect(await search("datasets.name = 'train'")).toEqual(['r1']);
    expect(await search("datasets.name ILIKE 'train'")).toEqual(['r4', 'r1']);
    expect(await search("datasets.name IN ('train', 'eval')")).toEqual([
      'r2',
      'r1',
    ]);
    expect(await search("datasets.digest LIKE 'd%'")).toEqual([
      'r4',
      'r2',
      'r1',
    ]);
    expect(await search("datasets.context = 'training'")).toEqual(['r1']);
    expect(await search("datasets.context LIKE '%tion'")).toEqual(['r2']);
    expect(await search("datasets.context ILIKE 'TRAIN%'")).toEqual(['r1']);
    expect(await search("datasets.context NOT IN ('training')")).toEqual([
      'r2',
    ]);
  });

  it('pages through the order, with a next token only while rows follow', async () => {
    const page = (maxResults: number, pageToken?: string) =>
      searchRunIds(knex, {
        experimentIds: [e1],
        filter: [],
        orderBy: parseOrderBy('runs', ['metrics.rmse DESC']),
        maxResults,
        pageToken,
      });
    const first = await page(4);
    expect(first.ids).toEqual(['r4', 'r1', 'r2', 'r5']);
    expect(first.nextPageToken).toEqual(expect.any(String));
    expect(await page(4, first.nextPageToken)).toEqual({ ids: ['r3', 'r6'] });

    const third = await page(3);
    expect(third.ids).toEqual(['r4', 'r1', 'r2']);
    expect(await page(3, third.nextPageToken)).toEqual({
      ids: ['r5', 'r3', 'r6'],
    });
    expect(await page(6)).toEqual({
      ids: ['r4', 'r1', 'r2', 'r5', 'r3', 'r6'],
    });
  });

  it('refuses a page token it did not make', async () => {
    await expect(
      searchRunIds(knex, {
        experimentIds: [e1],
        filter: [],
        orderBy: [],
        maxResults: 10,
        pageToken: 'bm90IGpzb24',
      }),
    ).rejects.toThrow(MlflowError);
  });
});
