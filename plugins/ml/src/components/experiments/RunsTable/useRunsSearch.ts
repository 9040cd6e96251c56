import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { mlflowApiRef } from '../../../api';
import { usePolledAsync } from '../../../hooks/usePolledAsync';
import { describeError } from '../../../lib/errors';
import { isRunLive } from '../runs';
import { RunOrder, orderByOf } from './SortableTitle';

/** Runs per page of the table. */
export const RUNS_PAGE_SIZE = 25;

const NEWEST_FIRST: RunOrder = {
  field: 'attributes.start_time',
  ascending: false,
};

/**
 * One page of an experiment's runs as the table asks for it: the filter,
 * the order and the page are the server's to apply. The page reloads while
 * any of its runs is running.
 */
export function useRunsSearch(experimentId: string) {
  const mlflow = useApi(mlflowApiRef);
  const [filter, setFilterState] = useState('');
  const [order, setOrderState] = useState<RunOrder>(NEWEST_FIRST);
  // The tokens of the pages before this one, and this one's.
  const [previousTokens, setPreviousTokens] = useState<(string | undefined)[]>(
    [],
  );
  const [pageToken, setPageToken] = useState<string>();

  const search = usePolledAsync(
    () =>
      mlflow.searchRuns({
        experimentIds: [experimentId],
        filter: filter || undefined,
        orderBy: orderByOf(order),
        maxResults: RUNS_PAGE_SIZE,
        pageToken,
        runViewType: 'ACTIVE_ONLY',
      }),
    [mlflow, experimentId, filter, order.field, order.ascending, pageToken],
    page => page.items.some(isRunLive),
  );

  const firstPage = () => {
    setPreviousTokens([]);
    setPageToken(undefined);
  };
  // A refused filter is the user's to fix, under the box; others are errors.
  const filterProblem =
    search.error instanceof ResponseError && search.error.statusCode === 400
      ? describeError(search.error)
      : undefined;

  return {
    page: filterProblem ? undefined : search.value,
    loading: search.loading,
    error: filterProblem ? undefined : search.error,
    filterProblem,
    filter,
    setFilter: (next: string) => {
      if (next !== filter) {
        setFilterState(next);
        firstPage();
      }
    },
    order,
    setOrder: (next: RunOrder) => {
      setOrderState(next);
      firstPage();
    },
    pageNumber: previousTokens.length + 1,
    hasPrevious: previousTokens.length > 0,
    hasNext: Boolean(search.value?.nextPageToken),
    previous: () => {
      setPageToken(previousTokens[previousTokens.length - 1]);
      setPreviousTokens(tokens => tokens.slice(0, -1));
    },
    next: () => {
      const token = search.value?.nextPageToken;
      if (token) {
        setPreviousTokens(tokens => [...tokens, pageToken]);
        setPageToken(token);
      }
    },
  };
}
