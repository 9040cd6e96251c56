import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { Application } from '@ml-platform/plugin-ml-common';

/**
 * A project's applications, or undefined when this ML backend has no
 * applications (404 for the route, not the project). The ML API client does
 * not list applications yet; this keeps the card working either way.
 */
export async function fetchApplications(
  apis: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  projectId: string,
): Promise<Application[] | undefined> {
  const base = await apis.discoveryApi.getBaseUrl('ml');
  const response = await apis.fetchApi.fetch(
    `${base}/projects/${encodeURIComponent(projectId)}/applications`,
  );
  if (response.status === 404) {
    return undefined;
  }
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  const body = (await response.json()) as { items: Application[] };
  return body.items;
}
