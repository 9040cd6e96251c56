import { Project } from '@ml-platform/plugin-ml-common';

const TRAILING_UUID =
  /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The `:projectId` segment of a project's URL: `<name>-<id>`. People can read
 * which project a link points to, while the id (names may repeat across
 * workspaces) is what the page loads.
 */
export function projectSlug(project: Pick<Project, 'id' | 'name'>): string {
  return `${project.name}-${project.id}`;
}

/** The project id in a URL segment made by `projectSlug`, or a bare id. */
export function projectIdFromSlug(slug: string): string {
  return TRAILING_UUID.exec(slug)?.[1] ?? slug;
}
