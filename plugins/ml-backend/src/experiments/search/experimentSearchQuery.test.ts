import { Knex } from 'knex';
import { migratedDatabaseForAll } from '../../__testUtils__/migratedDatabase';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { insertExperiment, insertProject } from './__testUtils__/trackingRows';
import {
  ExperimentViewType,
  searchExperimentIds,
} from './experimentSearchQuery';
import { parseFilter } from './filterGrammar';
import { parseOrderBy } from './orderBy';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const PROJECT = '11111111-1111-4111-8111-111111111111';
const OTHER_PROJECT = '22222222-2222-4222-8222-222222222222';

describe.each(databases.eachSupportedId())(
  'searchExperimentIds on %s',
  databaseId => {
    let knex: Knex;
    // Experiment ids by name.
    const ids: Record<string, string> = {};

    migratedDatabaseForAll(databases, databaseId, async created => {
      knex = created;
      await insertProject(knex, PROJECT);
      await insertProject(knex, OTHER_PROJECT);
      const experiments = [
        { name: 'churn', creationTime: 100, tags: { owner: 'ana' } },
        { name: 'Fraud', creationTime: 300, tags: { owner: 'Bob' } },
        { name: 'fraud-v2', creationTime: 300, lastUpdateTime: 900 },
        { name: 'pricing', creationTime: 200, tags: { owner: 'bob' } },
        {
          name: 'old',
          creationTime: 50,
          lifecycleStage: 'deleted' as const,
        },
      ];
      for (const experiment of experiments) {
        ids[experiment.name] = String(
          await insertExperiment(knex, { projectId: PROJECT, ...experiment }),
        );
      }
      ids.elsewhere = String(
        await insertExperiment(knex, {
          projectId: OTHER_PROJECT,
          name: 'elsewhere',
          creationTime: 1000,
        }),
      );
    });

    const search = async (
      filter = '',
      orderBy: string[] = [],
      viewType?: ExperimentViewType,
    ) => {
      const page = await searchExperimentIds(knex, {
        projectIds: [PROJECT],
        filter: parseFilter('experiments', filter),
        orderBy: parseOrderBy('experiments', orderBy),
        viewType,
        maxResults: 1000,
      });
      expect(page.nextPageToken).toBeUndefined();
      const names = Object.fromEntries(
        Object.entries(ids).map(([name, id]) => [id, name]),
      );
      return page.ids.map(id => names[id]);
    };

    it("lists the projects' active experiments newest first, then by id", async () => {
      expect(await search()).toEqual(['Fraud', 'fraud-v2', 'pricing', 'churn']);
      expect(await search('', [], 'DELETED_ONLY')).toEqual(['old']);
      expect(await search('', [], 'ALL')).toEqual([
        'Fraud',
        'fraud-v2',
        'pricing',
        'churn',
        'old',
      ]);
      const none = await searchExperimentIds(knex, {
        projectIds: [],
        filter: [],
        orderBy: [],
        maxResults: 10,
      });
      expect(none).toEqual({ ids: [] });
    });

    it('compares names and times', async () => {
      expect(await search("name LIKE 'fraud%'")).toEqual(['fraud-v2']);
      expect(await search("name ILIKE 'fraud%'")).toEqual([
        'Fraud',
        'fraud-v2',
      ]);
      expect(await search("name = 'churn'")).toEqual(['churn']);
      expect(await search("name != 'churn'")).toHaveLength(3);
      expect(await search('creation_time >= 200')).toEqual([
        'Fraud',
        'fraud-v2',
        'pricing',
      ]);
      expect(
        await search('creation_time < 200.5 and creation_time > 100'),
      ).toEqual(['pricing']);
      expect(await search('last_update_time = 900')).toEqual(['fraud-v2']);
    });

    it('compares tags and tells present tags from missing ones', async () => {
      expect(await search("tags.owner = 'bob'")).toEqual(['pricing']);
      expect(await search("tags.owner ILIKE 'BOB'")).toEqual([
        'Fraud',
        'pricing',
      ]);
      expect(await search("tags.owner != 'bob'")).toEqual(['Fraud', 'churn']);
      expect(await search('tags.owner IS NULL')).toEqual(['fraud-v2']);
      expect(await search('tag.owner IS NOT NULL')).toEqual([
        'Fraud',
        'pricing',
        'churn',
      ]);
    });

    it('sorts by the order_by, then by id descending', async () => {
      expect(await search('', ['name'])).toEqual([
        'Fraud',
        'churn',
        'fraud-v2',
        'pricing',
      ]);
      expect(await search('', ['creation_time'])).toEqual([
        'churn',
        'pricing',
        'fraud-v2',
        'Fraud',
      ]);
      expect(await search('', ['creation_time', 'experiment_id'])).toEqual([
        'churn',
        'pricing',
        'Fraud',
        'fraud-v2',
      ]);
      expect(await search('', ['last_update_time DESC'])).toEqual([
        'fraud-v2',
        'Fraud',
        'pricing',
        'churn',
      ]);
    });

    it('pages with a next token only while experiments follow', async () => {
      const page = (pageToken?: string) =>
        searchExperimentIds(knex, {
          projectIds: [PROJECT, OTHER_PROJECT],
          filter: [],
          orderBy: [],
          maxResults: 2,
          pageToken,
        });
      const first = await page();
      expect(first.ids).toEqual([ids.elsewhere, ids.Fraud]);
      const second = await page(first.nextPageToken);
      expect(second.ids).toEqual([ids['fraud-v2'], ids.pricing]);
      const third = await page(second.nextPageToken);
      expect(third).toEqual({ ids: [ids.churn] });
    });
  },
);
