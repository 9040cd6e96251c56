import { Application } from '@ml-platform/plugin-ml-common';

/** The creation and last-change time of the API objects of the fixtures. */
export const FIXTURE_TIME = '2026-11-22T00:00:00Z';

/**
 * A running application of a project as the API returns it, served at its
 * slug; `extra` replaces parts.
 */
export function testApplication(
  id: string,
  projectId: string,
  slug: string,
  extra: Partial<Application> = {},
): Application {
  return {
    id,
    projectId,
    name: slug,
    slug,
    description: '',
    script: 'app.py',
    runtimeId: 'r1',
    profile: 'small',
    env: {},
    bypassAuthentication: false,
    state: 'running',
    url: `apps/${slug}/`,
    createdBy: 'user:default/jane',
    createdAt: FIXTURE_TIME,
    updatedAt: FIXTURE_TIME,
    ...extra,
  };
}
