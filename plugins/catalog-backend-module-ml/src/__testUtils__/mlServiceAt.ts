import { mockServices } from '@backstage/backend-test-utils';
import { DefaultMlService } from '@ml-platform/plugin-ml-node';

/**
 * The ML service the module gets from `mlServiceRef`, pointed at a test ML
 * backend, with the mock auth service's tokens; `fetch` replaces the
 * global one (to fail or count requests).
 */
export function mlServiceAt(baseUrl: string, fetch?: typeof globalThis.fetch) {
  return new DefaultMlService({
    discovery: {
      getBaseUrl: async () => baseUrl,
      getExternalBaseUrl: async () => baseUrl,
    },
    auth: mockServices.auth(),
    fetch,
  });
}
