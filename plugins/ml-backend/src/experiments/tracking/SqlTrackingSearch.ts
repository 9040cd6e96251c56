import { Knex } from 'knex';
import {
  parseFilter,
  parseOrderBy,
  resolveMaxResults,
  searchExperimentIds,
  searchRunIds,
} from '../search';
import { SearchPage, SearchQuery, TrackingSearch } from './TrackingSearch';

/** MLflow's searches as SQL over the tracking tables (see `../search`). */
export class SqlTrackingSearch implements TrackingSearch {
  constructor(private readonly db: Knex) {}

  experiments(
    query: SearchQuery & { projectIds: string[] },
  ): Promise<SearchPage> {
    return searchExperimentIds(this.db, {
      projectIds: query.projectIds,
      filter: parseFilter('experiments', query.filter),
      orderBy: parseOrderBy('experiments', query.orderBy),
      viewType: query.viewType,
      maxResults: resolveMaxResults('experiments', query.maxResults),
      pageToken: query.pageToken,
    });
  }

  runs(query: SearchQuery & { experimentIds: string[] }): Promise<SearchPage> {
    return searchRunIds(this.db, {
      experimentIds: query.experimentIds.map(Number),
      filter: parseFilter('runs', query.filter),
      orderBy: parseOrderBy('runs', query.orderBy),
      runViewType: query.viewType,
      maxResults: resolveMaxResults('runs', query.maxResults),
      pageToken: query.pageToken,
    });
  }
}
