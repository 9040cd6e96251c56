/**
 * MLflow's search language (filters, order_by, page tokens and
 * max_results) and the SQL that answers run and experiment searches.
 */
export { parseFilter } from './filterGrammar';
export type { FilterComparison } from './filterGrammar';
export { parseOrderBy } from './orderBy';
export type { OrderByTerm } from './orderBy';
export {
  decodePageToken,
  encodePageToken,
  resolveMaxResults,
} from './pageToken';
export { searchRunIds } from './runSearchQuery';
export type { RunSearch, RunViewType, SearchPage } from './runSearchQuery';
export { searchExperimentIds } from './experimentSearchQuery';
export type {
  ExperimentSearch,
  ExperimentViewType,
} from './experimentSearchQuery';
export type { FilterComparator, FilterEntity, SearchKind } from './searchKinds';
