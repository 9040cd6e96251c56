import { discoveryApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** The ML API's base URL, where the model endpoints are; undefined until known. */
export function useMlBaseUrl(): string | undefined {
  const discoveryApi = useApi(discoveryApiRef);
  return useAsync(() => discoveryApi.getBaseUrl('ml'), [discoveryApi]).value;
}
