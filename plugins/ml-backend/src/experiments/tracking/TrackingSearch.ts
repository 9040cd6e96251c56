import { ViewType } from './types';

/** A page of ids in the order a search asked for. */
export interface SearchPage {
  ids: string[];
  nextPageToken?: string;
}

/** The query MLflow's search endpoints describe. */
export interface SearchQuery {
  /** MLflow's filter grammar; parsed (and refused) by the search. */
  filter?: string;
  orderBy?: string[];
  viewType: ViewType;
  maxResults?: number;
  pageToken?: string;
}

/**
 * Runs MLflow's searches over the tracking tables. Bad filters, orders,
 * page tokens and sizes are refused with INVALID_PARAMETER_VALUE.
 */
export interface TrackingSearch {
  experiments(
    query: SearchQuery & { projectIds: string[] },
  ): Promise<SearchPage>;
  runs(query: SearchQuery & { experimentIds: string[] }): Promise<SearchPage>;
}
