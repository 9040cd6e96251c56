import { MlClient } from '../api';

/** Where the tests' discovery API says the ML backend is. */
export const baseUrl = 'http://localhost:7007/api/ml';

/** A client whose fetches answer with `responses`, in turn. */
export function setup(...responses: Response[]) {
  const fetch = jest.fn<Promise<Response>, [string, RequestInit?]>();
  for (const response of responses) {
    fetch.mockResolvedValueOnce(response);
  }
  const client = new MlClient({
    discoveryApi: { getBaseUrl: jest.fn().mockResolvedValue(baseUrl) },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

/** The path and the query parameters of the `index`th request of `fetch`. */
export function requestedUrl(
  fetch: ReturnType<typeof setup>['fetch'],
  index = 0,
) {
  const url = new URL(fetch.mock.calls[index][0]);
  return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
}
