import { DependencyList } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { MlApi, mlApiRef } from '../api';

/**
 * Loads something from the ML API, with a retry to reload it; `deps` are
 * what the call depends on besides the API.
 */
export function useMlApi<T>(
  fn: (api: MlApi) => Promise<T>,
  deps: DependencyList = [],
) {
  const api = useApi(mlApiRef);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useAsyncRetry(() => fn(api), [api, ...deps]);
}
