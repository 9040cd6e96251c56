import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';

/**
 * The entity ref of the catalog entity that stands for an ML workspace.
 * Workspaces are in the default namespace, named like the workspace.
 *
 * @public
 */
export function mlWorkspaceEntityRef(workspace: string): string {
  return `workspace:${DEFAULT_NAMESPACE}/${workspace}`;
}

/**
 * The entity ref of the catalog entity that stands for an ML project.
 * Project names are unique within their workspace only, so a project's
 * entity is in the namespace named like its workspace.
 *
 * @public
 */
export function mlProjectEntityRef(project: {
  workspace: string;
  name: string;
}): string {
  return `project:${project.workspace}/${project.name}`;
}
